package org.p2penergy.reports.pdf;

import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * Lays out a report top to bottom on A4 pages: text in the document's fonts, wrapped paragraphs,
 * tables and chart forms, starting a new page when the next block does not fit.
 */
final class PageWriter implements AutoCloseable {
  static final PDRectangle SIZE = PDRectangle.A4;
  static final float MARGIN = 40;
  private static final Color MUTED = new Color(0x55, 0x55, 0x55);

  private final PDDocument document;
  private final FontSet fonts;
  private final String footer;
  private PDPageContentStream stream;
  private float y;
  private int pages;

  PageWriter(PDDocument document, FontSet fonts, String footer) {
    this.document = document;
    this.fonts = fonts;
    this.footer = footer;
    newPage();
  }

  float width() {
    return SIZE.getWidth() - 2 * MARGIN;
  }

  /** Room left on this page, in points. */
  float room() {
    return y - MARGIN - 12;
  }

  void newPage() {
    try {
      if (stream != null) {
        stream.close();
      }
      PDPage page = new PDPage(SIZE);
      document.addPage(page);
      stream = new PDPageContentStream(document, page);
      pages++;
      y = SIZE.getHeight() - MARGIN;
      text(footer + " · page " + pages, MARGIN, MARGIN - 18, 7, false, MUTED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts a new page unless {@code height} points still fit. */
  void ensure(float height) {
    if (room() < height) {
      newPage();
    }
  }

  void gap(float points) {
    y -= points;
  }

  /** One line of text at the cursor. */
  void line(String text, float size, boolean bold) {
    line(text, size, bold, Color.BLACK);
  }

  void line(String text, float size, boolean bold, Color color) {
    ensure(size * 1.4f);
    y -= size * 1.25f;
    text(text, MARGIN, y, size, bold, color);
    y -= size * 0.25f;
  }

  void heading(String text) {
    ensure(60);
    gap(8);
    line(text, 12, true);
    gap(2);
  }

  /** {@code text} wrapped to the page width, with an optional hanging bullet. */
  void paragraph(String text, float size, boolean bullet) {
    float indent = bullet ? 10 : 0;
    for (String row : wrap(text, size, width() - indent)) {
      ensure(size * 1.4f);
      y -= size * 1.3f;
      if (bullet && indent > 0) {
        text("•", MARGIN, y, size, false, Color.BLACK);
        bullet = false;
      }
      text(row, MARGIN + indent, y, size, false, Color.BLACK);
    }
    y -= size * 0.2f;
  }

  /** A table; rows that do not fit continue on the next page below the header again. */
  void table(Table table, float size) {
    float total = (float) table.widths().stream().mapToDouble(Float::doubleValue).sum();
    float[] cols = new float[table.widths().size()];
    for (int i = 0; i < cols.length; i++) {
      cols[i] = table.widths().get(i) / total * width();
    }
    float rowHeight = size * 1.7f;
    ensure(rowHeight * 3);
    tableRow(table, table.headers(), cols, size, true, true);
    for (int r = 0; r < table.rows().size(); r++) {
      if (room() < rowHeight) {
        newPage();
        tableRow(table, table.headers(), cols, size, true, true);
      }
      boolean isTotal = r >= table.rows().size() - table.totalRows();
      tableRow(table, table.rows().get(r), cols, size, isTotal, false);
    }
    y -= 4;
  }

  private void tableRow(
      Table table, List<String> cells, float[] cols, float size, boolean bold, boolean header) {
    float rowHeight = size * 1.7f;
    try {
      if (header) {
        stream.setNonStrokingColor(new Color(0xEE, 0xEE, 0xEE));
        stream.addRect(MARGIN, y - rowHeight, width(), rowHeight);
        stream.fill();
      }
      stream.setStrokingColor(new Color(0xCC, 0xCC, 0xCC));
      stream.setLineWidth(0.4f);
      stream.moveTo(MARGIN, y - rowHeight);
      stream.lineTo(MARGIN + width(), y - rowHeight);
      stream.stroke();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    float x = MARGIN;
    float baseline = y - rowHeight + size * 0.5f;
    for (int c = 0; c < cols.length; c++) {
      String cell = fit(c < cells.size() ? cells.get(c) : "", size, bold, cols[c] - 4);
      float w = fonts.width(cell, size, bold);
      float cx = table.rightAligned().get(c) ? x + cols[c] - 2 - w : x + 2;
      text(cell, cx, baseline, size, bold, Color.BLACK);
      x += cols[c];
    }
    y -= rowHeight;
  }

  /** Places a chart form with its top-left corner at ({@code x}, cursor). */
  void form(PDFormXObject form, float x, float height) {
    try {
      stream.saveGraphicsState();
      stream.transform(Matrix.getTranslateInstance(x, y - height));
      stream.drawForm(form);
      stream.restoreGraphicsState();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void text(String text, float x, float baseline, float size, boolean bold, Color color) {
    try {
      stream.beginText();
      stream.setNonStrokingColor(color);
      stream.newLineAtOffset(x, baseline);
      for (FontSet.Run run : fonts.runs(text, bold)) {
        stream.setFont(run.font(), size);
        stream.showText(run.text());
      }
      stream.endText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String fit(String text, float size, boolean bold, float max) {
    if (fonts.width(text, size, bold) <= max) {
      return text;
    }
    String cut = text;
    while (cut.length() > 1 && fonts.width(cut + "…", size, bold) > max) {
      cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
    }
    return cut + "…";
  }

  private List<String> wrap(String text, float size, float max) {
    List<String> rows = new ArrayList<>();
    StringBuilder row = new StringBuilder();
    for (String word : text.split(" ")) {
      String candidate = row.length() == 0 ? word : row + " " + word;
      if (row.length() > 0 && fonts.width(candidate, size, false) > max) {
        rows.add(row.toString());
        row = new StringBuilder(word);
      } else {
        row = new StringBuilder(candidate);
      }
    }
    rows.add(row.toString());
    return rows;
  }

  int pages() {
    return pages;
  }

  @Override
  public void close() {
    try {
      stream.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
