package org.p2penergy.notebooks.kit;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/** Charts written as PNG files (to reuse outside the notebook) and returned as images to show. */
public final class ChartFiles {

  private ChartFiles() {}

  /** Writes {@code dir/name.png} and returns the same picture for the kernel's display(). */
  public static BufferedImage save(JFreeChart chart, Path dir, String name, int width, int height)
      throws IOException {
    Files.createDirectories(dir);
    BufferedImage image = chart.createBufferedImage(width, height);
    ChartUtils.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart, width, height);
    return image;
  }
}
