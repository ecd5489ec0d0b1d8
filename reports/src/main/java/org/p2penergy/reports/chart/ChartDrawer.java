package org.p2penergy.reports.chart;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.jfree.chart.JFreeChart;
import org.p2penergy.reports.pdf.FontSet;

/**
 * Draws a JFreeChart as vectors into a PDF form XObject (one per chart), with its text in the
 * document's embedded font. Place the form on a page with {@code drawForm}.
 */
public final class ChartDrawer {
  private final PDDocument document;
  private final EmbeddedFontTextDrawer textDrawer;

  public ChartDrawer(PDDocument document, FontSet fonts) {
    this.document = document;
    this.textDrawer = new EmbeddedFontTextDrawer(fonts);
  }

  /** The chart drawn at {@code width} x {@code height} points. */
  public PDFormXObject draw(JFreeChart chart, float width, float height) {
    try {
      PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, width, height);
      g.setFontTextDrawer(textDrawer);
      try {
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
      } finally {
        g.dispose();
      }
      return g.getXFormObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot draw chart " + chart.getTitle().getText(), e);
    }
  }
}
