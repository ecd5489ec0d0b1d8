package org.p2penergy.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.p2penergy.home.summary.DaySummary;

/**
 * Where one appliance sits in its community: a kWh scale with the efficient line (the best 20 %),
 * the median, and the household's own mark. Only the group's figures and the home's own value:
 * nothing of any other home.
 */
public final class PeerChart {
  static final Color EFFICIENT = new Color(0x2E, 0x8B, 0x57);
  static final Color MEDIAN = new Color(0x70, 0x70, 0x70);
  static final Color YOU = new Color(0xD9, 0x53, 0x4F);
  private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 7);

  private PeerChart() {}

  /**
   * @param title the chart's title, e.g. "Fridge: kWh a day"
   * @param unit the axis label, or null when the title says it
   */
  public static JFreeChart create(String title, DaySummary.Peer p, String unit, double scale) {
    double you = p.value() * scale;
    double median = p.median() * scale;
    double efficient = p.p20() * scale;
    XYSeries mark = new XYSeries("you");
    mark.add(you, 0.5);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    renderer.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    renderer.setSeriesPaint(0, YOU);
    NumberAxis axis = new NumberAxis(unit);
    double top = Math.max(you, Math.max(median, efficient)) * 1.25;
    axis.setRange(0, top <= 0 ? 1 : top);
    NumberAxis none = new NumberAxis();
    none.setRange(0, 1);
    none.setVisible(false);
    XYPlot plot = new XYPlot(new XYSeriesCollection(mark), axis, none, renderer);
    plot.setRangeGridlinesVisible(false);
    plot.addDomainMarker(marker(efficient, "efficient", EFFICIENT), Layer.BACKGROUND);
    plot.addDomainMarker(marker(median, "median", MEDIAN), Layer.BACKGROUND);
    ValueMarker yours = marker(you, "you", YOU);
    yours.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
    yours.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
    yours.setStroke(new BasicStroke(0f));
    plot.addDomainMarker(yours, Layer.BACKGROUND);
    return ChartStyle.apply(new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, false));
  }

  private static ValueMarker marker(double at, String label, Color color) {
    ValueMarker m = new ValueMarker(at, color, new BasicStroke(1.5f));
    m.setLabel(label);
    m.setLabelFont(LABEL);
    m.setLabelPaint(color);
    m.setLabelBackgroundColor(new Color(0, 0, 0, 0)); // the default is a grey box
    m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    m.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return m;
  }
}
