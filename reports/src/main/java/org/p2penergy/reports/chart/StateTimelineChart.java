package org.p2penergy.reports.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.p2penergy.home.summary.DaySummary;

/**
 * The last day's non-idle episodes (compressor runs, door openings, microwave sessions) as bars on
 * one row per appliance, coloured by state; a state with details (the microwave's power levels) has
 * one legend entry per detail, {@code heating (level 6)}, in shades of the state's colour.
 */
public final class StateTimelineChart {
  public static final String TITLE = "States through the day";

  private StateTimelineChart() {}

  /** Whether the day has any episode to draw. */
  public static boolean applies(DaySummary day) {
    return day != null && !day.stateTimeline().isEmpty();
  }

  public static JFreeChart create(ChartInput input, DaySummary day) {
    DayClock clock = DayClock.of(day);
    List<DaySummary.StateEpisode> episodes =
        day.stateTimeline().stream().filter(e -> e.start() != null && e.end() != null).toList();
    StateLegend legend = StateLegend.of(episodes);
    Map<String, Integer> rows = new LinkedHashMap<>();
    Map<String, XYIntervalSeries> series = new LinkedHashMap<>();
    for (StateLegend.Entry entry : legend.entries()) {
      series.put(entry.key(), new XYIntervalSeries(entry.key(), false, true));
    }
    for (DaySummary.StateEpisode e : episodes) {
      int row = rows.computeIfAbsent(e.deviceId(), d -> rows.size());
      double from = clock.hoursAt(e.start());
      double to = Math.max(clock.hoursAt(e.end()), from + 1 / 60.0); // seconds must still show
      series.get(StateLegend.key(e)).add(from, from, to, row, row - 0.35, row + 0.35);
    }
    XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
    series.values().forEach(data::addSeries);
    List<String> labels = new ArrayList<>();
    rows.keySet().forEach(device -> labels.add(input.name(device)));
    SymbolAxis appliances = new SymbolAxis(null, labels.toArray(String[]::new));
    appliances.setGridBandsVisible(false);
    XYBarRenderer renderer = new XYBarRenderer();
    renderer.setUseYInterval(true);
    renderer.setDrawBarOutline(false);
    renderer.setShadowVisible(false);
    XYPlot plot = new XYPlot(data, clock.axis(), appliances, renderer);
    JFreeChart chart =
        ChartStyle.apply(
            new JFreeChart(TITLE + ", " + day.date(), JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    renderer.setBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    for (int i = 0; i < legend.entries().size(); i++) {
      renderer.setSeriesPaint(i, legend.entries().get(i).color());
    }
    return chart;
  }
}
