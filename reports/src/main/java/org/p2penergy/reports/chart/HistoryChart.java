package org.p2penergy.reports.chart;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.p2penergy.home.summary.DaySummary;

/** Daily kWh per appliance over the 30 days ending the report's last day, stacked. */
public final class HistoryChart {
  public static final String TITLE = "Daily energy, last 30 days";
  private static final DateTimeFormatter SPAN =
      DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

  private HistoryChart() {}

  public static JFreeChart create(ChartInput input) {
    LocalDate end = input.period().end();
    LocalDate start = end.minusDays(29);
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    Map<String, String> names = new LinkedHashMap<>();
    input.period().appliances().forEach(a -> names.put(a.deviceId(), input.name(a.deviceId())));
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      for (DaySummary.HistoryDay h : input.period().history().on(d).values()) {
        names.computeIfAbsent(
            h.deviceId(), id -> input.text().apply(h.appliance() == null ? id : h.appliance()));
      }
    }
    for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
      Map<String, DaySummary.HistoryDay> on = input.period().history().on(d);
      String column = Integer.toString(d.getDayOfMonth());
      for (Map.Entry<String, String> device : names.entrySet()) {
        DaySummary.HistoryDay h = on.get(device.getKey());
        data.addValue(h == null ? 0 : h.kwh(), device.getValue(), column);
      }
    }
    CategoryAxis days =
        new CategoryAxis("day (" + SPAN.format(start) + " – " + SPAN.format(end) + ")");
    days.setCategoryMargin(0.15);
    StackedBarRenderer renderer = new StackedBarRenderer();
    CategoryPlot plot = new CategoryPlot(data, days, new NumberAxis("kWh"), renderer);
    JFreeChart chart =
        ChartStyle.apply(new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, true));
    int i = 0;
    for (String device : names.keySet()) {
      renderer.setSeriesPaint(i++, input.palette().color(device));
    }
    return chart;
  }
}
