package org.p2penergy.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.chart.PeerChart;

/**
 * The comparison chart at the size the PDF gives it keeps a band for its marks: at 58 pt the title
 * and the ticks took all of it and the marks were a hairline.
 */
class ComparisonChartSizeTest {
  @Test
  void theMarksGetABandAtLeastHalfTheChartsHeight() {
    DaySummary.Peer fridge =
        new DaySummary.Peer("d", "Fridge", "fridge", "kwh", "day", 1.9, 37, 29, 0.9, 1.2, 1.3, 80);
    JFreeChart chart = PeerChart.create("Fridge: kWh that day", fridge, null, 1);
    int width = Math.round(PageWriter.SIZE.getWidth() - 2 * PageWriter.MARGIN);
    int height = Math.round(ComparisonSection.CHART);
    ChartRenderingInfo info = new ChartRenderingInfo();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
    g.dispose();

    Rectangle2D band = info.getPlotInfo().getDataArea();
    assertThat(band.getHeight()).isGreaterThanOrEqualTo(height / 2.0);
    // The household's red mark sits at 1.9 kWh on a scale to 1.25 x 1.9, half-way up the band.
    int x = (int) Math.round(band.getMinX() + band.getWidth() / 1.25);
    int y = (int) Math.round(band.getCenterY());
    int rgb = image.getRGB(x, y);
    assertThat((rgb >> 16) & 0xFF).as("red").isGreaterThan(180);
    assertThat((rgb >> 8) & 0xFF).as("green").isLessThan(120);
  }
}
