package org.p2penergy.reports.chart;

import java.awt.Color;
import java.awt.Paint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.p2penergy.home.summary.DaySummary;

/**
 * The home's kWh per local hour (rows) and day (columns) of a week or month; an hour repeated by a
 * fall-back gets its own row (see {@link HeatmapRows}).
 */
public final class HeatmapChart {
  public static final String TITLE = "Energy by hour of day";

  private HeatmapChart() {}

  public static JFreeChart create(ChartInput input) {
    List<DaySummary> days = input.period().days();
    HeatmapRows rows = HeatmapRows.of(days);
    int n = days.size();
    int r = rows.rows().size();
    double[][] cells = new double[n][r];
    double max = 0;
    for (int d = 0; d < n; d++) {
      Map<Integer, Instant> first = HeatmapRows.firstStarts(days.get(d));
      for (DaySummary.Hourly h : days.get(d).hourly()) {
        int row = rows.index(h.hour(), HeatmapRows.isRepeat(h, first));
        if (row >= 0) {
          cells[d][row] += h.kwh();
          max = Math.max(max, cells[d][row]);
        }
      }
    }
    double[] x = new double[n * r];
    double[] y = new double[n * r];
    double[] z = new double[n * r];
    String[] labels = new String[n];
    for (int d = 0; d < n; d++) {
      labels[d] = Integer.toString(days.get(d).date().getDayOfMonth());
      for (int h = 0; h < r; h++) {
        x[d * r + h] = d;
        y[d * r + h] = h;
        z[d * r + h] = cells[d][h];
      }
    }
    DefaultXYZDataset data = new DefaultXYZDataset();
    data.addSeries("kWh", new double[][] {x, y, z});
    SymbolAxis dayAxis = new SymbolAxis("day", labels);
    dayAxis.setGridBandsVisible(false);
    TickedAxis hourAxis = new TickedAxis("hour", rows.ticks());
    hourAxis.setRange(-0.5, r - 0.5);
    hourAxis.setInverted(true);
    XYBlockRenderer renderer = new XYBlockRenderer();
    Scale scale = new Scale(max <= 0 ? 1 : max);
    renderer.setPaintScale(scale);
    XYPlot plot = new XYPlot(data, dayAxis, hourAxis, renderer);
    JFreeChart chart =
        ChartStyle.apply(new JFreeChart(TITLE, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
    NumberAxis scaleAxis = new NumberAxis("kWh");
    scaleAxis.setRange(0, scale.getUpperBound());
    PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
    legend.setPosition(RectangleEdge.RIGHT);
    legend.setStripWidth(8);
    legend.setBackgroundPaint(Color.WHITE);
    scaleAxis.setTickLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 7));
    scaleAxis.setLabelFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 8));
    chart.addSubtitle(legend);
    return chart;
  }

  /** White for nothing to dark red for the busiest hour. */
  private record Scale(double max) implements PaintScale {
    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return max;
    }

    @Override
    public Paint getPaint(double value) {
      double t = Math.max(0, Math.min(1, value / max));
      return new Color(255 - (int) (t * 75), 255 - (int) (t * 215), 255 - (int) (t * 215));
    }
  }
}
