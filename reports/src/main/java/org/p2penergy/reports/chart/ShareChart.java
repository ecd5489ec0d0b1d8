package org.p2penergy.reports.chart;

import java.text.DecimalFormat;
import java.text.NumberFormat;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.PiePlot;
import org.jfree.data.general.DefaultPieDataset;
import org.p2penergy.reports.summary.ApplianceTotal;

/** Each appliance's share of the period's kWh, as a pie with "name 62%" labels. */
public final class ShareChart {
  public static final String TITLE = "Share of energy";

  private ShareChart() {}

  public static JFreeChart create(ChartInput input) {
    DefaultPieDataset<String> data = new DefaultPieDataset<>();
    for (ApplianceTotal a : input.period().appliances()) {
      String key = input.name(a.deviceId());
      data.setValue(data.getIndex(key) >= 0 ? key + " " + a.deviceId() : key, a.kwh());
    }
    PiePlot<String> plot = new PiePlot<>(data);
    JFreeChart chart =
        ChartStyle.apply(new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    // Names with their share in the legend, not as labels around the pie: labels wrap long names.
    plot.setLabelGenerator(null);
    plot.setLegendLabelGenerator(
        new StandardPieSectionLabelGenerator(
            "{0} {2}",
            new DecimalFormat("0.00"), NumberFormat.getPercentInstance(java.util.Locale.ENGLISH)));
    plot.setShadowPaint(null);
    plot.setOutlineVisible(false);
    plot.setLabelBackgroundPaint(java.awt.Color.WHITE);
    plot.setLabelShadowPaint(null);
    int i = 0;
    for (ApplianceTotal a : input.period().appliances()) {
      plot.setSectionPaint(data.getKey(i++), input.palette().color(a.deviceId()));
    }
    return chart;
  }
}
