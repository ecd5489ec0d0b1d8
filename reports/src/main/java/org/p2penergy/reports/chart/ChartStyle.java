package org.p2penergy.reports.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.ui.RectangleInsets;

/**
 * One look for every chart: small sans-serif text (the logical AWT "SansSerif", which is DejaVu
 * Sans on Debian, so widths measured by JFreeChart match the embedded PDF font), white background,
 * light grid.
 */
final class ChartStyle {
  static final Color GRID = new Color(0xDD, 0xDD, 0xDD);
  private static final Font TITLE = new Font("SansSerif", Font.BOLD, 10);
  private static final Font LABEL = new Font("SansSerif", Font.PLAIN, 8);
  private static final Font TICK = new Font("SansSerif", Font.PLAIN, 7);

  private ChartStyle() {}

  static JFreeChart apply(JFreeChart chart) {
    StandardChartTheme theme = new StandardChartTheme("p2penergy");
    theme.setExtraLargeFont(TITLE);
    theme.setLargeFont(LABEL);
    theme.setRegularFont(TICK);
    theme.setSmallFont(TICK);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
    theme.setShadowVisible(false);
    theme.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    theme.setXYBarPainter(new org.jfree.chart.renderer.xy.StandardXYBarPainter());
    theme.apply(chart);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    chart.setPadding(new RectangleInsets(2, 2, 2, 2));
    if (chart.getLegend() != null) {
      chart.getLegend().setFrame(BlockBorder.NONE);
    }
    chart.getPlot().setOutlineStroke(new BasicStroke(0.5f));
    chart.getPlot().setOutlinePaint(Color.GRAY);
    return chart;
  }
}
