package org.p2penergy.reports.chart;

import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.p2penergy.reports.summary.DaySummary;

/**
 * The last day's non-idle episodes (compressor runs, door openings, microwave sessions) as bars on
 * one row per appliance, coloured by state.
 */
public final class StateTimelineChart {
  public static final String TITLE = "States through the day";
  private static final List<Color> STATE_COLORS =
      List.of(
          new Color(0x4C72B0),
          new Color(0xDD8452),
          new Color(0xC44E52),
          new Color(0x55A868),
          new Color(0x8172B3),
          new Color(0x937860));

  private StateTimelineChart() {}

  /** Whether the day has any episode to draw. */
  public static boolean applies(DaySummary day) {
    return day != null && !day.stateTimeline().isEmpty();
  }

  public static JFreeChart create(ChartInput input, DaySummary day) {
    Map<String, Integer> rows = new LinkedHashMap<>();
    Map<String, XYIntervalSeries> byState = new LinkedHashMap<>();
    for (DaySummary.StateEpisode e : day.stateTimeline()) {
      if (e.start() == null || e.end() == null) {
        continue;
      }
      int row = rows.computeIfAbsent(e.deviceId(), d -> rows.size());
      XYIntervalSeries series =
          byState.computeIfAbsent(e.state(), s -> new XYIntervalSeries(s, false, true));
      double from = hours(day, e.start());
      double to = Math.max(hours(day, e.end()), from + 1 / 60.0); // a few seconds must still show
      series.add(from, from, to, row, row - 0.35, row + 0.35);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    byState.values().forEach(data::addSeries);
    List<String> labels = new ArrayList<>();
    rows.keySet().forEach(device -> labels.add(input.name(device)));
    SymbolAxis appliances = new SymbolAxis(null, labels.toArray(String[]::new));
    appliances.setGridBandsVisible(false);
    NumberAxis hours = new NumberAxis("hour (" + day.home().timezone() + ")");
    hours.setRange(0, day.hours());
    hours.setTickUnit(new NumberTickUnit(3));
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setDrawBarOutline(false);
    renderer.setShadowVisible(false);
    XYPlot plot = new XYPlot(data, hours, appliances, renderer);
    JFreeChart chart =
        ChartStyle.apply(
            new JFreeChart(TITLE + ", " + day.date(), JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    renderer.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    for (int i = 0; i < byState.size(); i++) {
      renderer.setSeriesPaint(i, STATE_COLORS.get(i % STATE_COLORS.size()));
    }
    return chart;
  }

  private static double hours(DaySummary day, java.time.OffsetDateTime t) {
    java.time.OffsetDateTime start =
        day.day() != null && day.day().start() != null
            ? day.day().start()
            : day.date().atStartOfDay().atOffset(t.getOffset());
    return Duration.between(start, t).toSeconds() / 3600.0;
  }
}
