package org.p2penergy.reports.pdf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** Reads back rendered PDFs the way a person would: the text, the page images, the charts. */
final class Pdfs {
  private Pdfs() {}

  /** All text, whitespace runs collapsed to one space. */
  static String text(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
    }
  }

  static int pages(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return doc.getNumberOfPages();
    }
  }

  /** How many form XObjects (one per chart) each page draws. */
  static List<Integer> formsPerPage(Path pdf) throws IOException {
    List<Integer> counts = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : doc.getPages()) {
        int n = 0;
        for (COSName name : page.getResources().getXObjectNames()) {
          if (page.getResources().getXObject(name) instanceof PDFormXObject) {
            n++;
          }
        }
        counts.add(n);
      }
    }
    return counts;
  }

  static BufferedImage render(Path pdf, int page, float dpi) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFRenderer(doc).renderImageWithDPI(page, dpi);
    }
  }

  /**
   * The part of pixels that are not (near) white in the band {@code top..bottom} (0..1 of height).
   */
  static double inked(BufferedImage image, double top, double bottom) {
    int from = (int) (image.getHeight() * top);
    int to = (int) (image.getHeight() * bottom);
    long inked = 0;
    for (int y = from; y < to; y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int rgb = image.getRGB(x, y);
        int r = (rgb >> 16) & 0xFF;
        int g = (rgb >> 8) & 0xFF;
        int b = rgb & 0xFF;
        if (r + g + b < 3 * 235) {
          inked++;
        }
      }
    }
    return (double) inked / ((long) (to - from) * image.getWidth());
  }
}
