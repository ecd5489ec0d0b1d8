package org.p2penergy.reports.chart;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Font;
import java.text.AttributedCharacterIterator;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.p2penergy.reports.pdf.FontSet;

/**
 * Draws chart text as real, selectable text in the document's embedded DejaVu Sans. Text DejaVu
 * cannot show (e.g. CJK appliance names) is left to PdfBoxGraphics2D's fallback, which draws the
 * glyphs as vector outlines with the AWT font (fontconfig's fallback fonts): visible, not
 * selectable.
 */
final class EmbeddedFontTextDrawer extends PdfBoxGraphics2DFontTextDrawer {
  private final FontSet fonts;

  EmbeddedFontTextDrawer(FontSet fonts) {
    this.fonts = fonts;
  }

  @Override
  protected PDFont mapFont(Font font, IFontTextDrawerEnv env) {
    return font.isBold() ? fonts.bold() : fonts.regular();
  }

  @Override
  protected boolean hasDynamicFontMapping() {
    return true;
  }

  @Override
  public boolean canDrawText(AttributedCharacterIterator iterator, IFontTextDrawerEnv env) {
    StringBuilder text = new StringBuilder();
    for (char c = iterator.first(); c != AttributedCharacterIterator.DONE; c = iterator.next()) {
      text.append(c);
    }
    iterator.first();
    return fonts.primaryCovers(text.toString());
  }
}
