package org.p2penergy.reports.chart;

import java.awt.BasicStroke;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.p2penergy.home.summary.DaySummary;

/** The last day's power per appliance: one line of 1-minute means each, broken where no data. */
public final class PowerCurveChart {
  public static final String TITLE = "Power through the day";

  private PowerCurveChart() {}

  public static JFreeChart create(ChartInput input, DaySummary day) {
    DayClock clock = DayClock.of(day);
    XYSeriesCollection data = new XYSeriesCollection();
    // The appliances' order in the report (largest first), as in the legend of every chart.
    List<String> order = input.period().appliances().stream().map(a -> a.deviceId()).toList();
    List<DaySummary.PowerCurve> curves =
        day.powerCurve().stream()
            .sorted(
                java.util.Comparator.comparingInt(
                    c -> order.contains(c.deviceId()) ? order.indexOf(c.deviceId()) : order.size()))
            .toList();
    for (DaySummary.PowerCurve curve : curves) {
      // Distinct keys even if two devices share a name; autoSort off keeps it cheap.
      XYSeries series =
          new XYSeries(input.name(curve.deviceId()) + seriesSuffix(data, curve), false);
      double offsetH = curve.start() == null ? 0 : clock.hoursAt(curve.start());
      for (int i = 0; i < curve.meanW().size(); i++) {
        Double w = curve.meanW().get(i);
        // NaN breaks the line: no reading in that minute is not zero watts.
        series.add(offsetH + i * curve.stepS() / 3600.0, w == null ? Double.NaN : w, false);
      }
      data.addSeries(series);
    }
    NumberAxis watts = new NumberAxis("W");
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    // One path per series instead of one segment per minute: a much smaller PDF.
    renderer.setDrawSeriesLineAsPath(true);
    XYPlot plot = new XYPlot(data, clock.axis(), watts, renderer);
    JFreeChart chart =
        ChartStyle.apply(
            new JFreeChart(TITLE + ", " + day.date(), JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    for (int i = 0; i < curves.size(); i++) {
      renderer.setSeriesPaint(i, input.palette().color(curves.get(i).deviceId()));
      renderer.setSeriesStroke(i, new BasicStroke(0.6f));
    }
    return chart;
  }

  private static String seriesSuffix(XYSeriesCollection data, DaySummary.PowerCurve curve) {
    return data.getSeriesIndex(curve.deviceId()) >= 0 ? " " + curve.deviceId() : "";
  }
}
