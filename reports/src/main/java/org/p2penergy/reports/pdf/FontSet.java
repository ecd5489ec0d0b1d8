package org.p2penergy.reports.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of one document: DejaVu Sans (bundled, regular and bold) for everything it covers, an
 * optional fallback font from the machine (for CJK and other scripts DejaVu lacks) and, for a
 * character neither has, a visible placeholder {@value #PLACEHOLDER}. All are subset-embedded, so
 * only the glyphs used end up in the PDF. The fallback is parsed only when some text needs it.
 */
public final class FontSet {
  /** Shown for a character no font has: WHITE SQUARE, which DejaVu Sans has. */
  public static final String PLACEHOLDER = "\u25A1";

  private static final String RESOURCES = "/org/p2penergy/reports/fonts/";
  private static final byte[] REGULAR = resource("DejaVuSans.ttf");
  private static final byte[] BOLD = resource("DejaVuSans-Bold.ttf");

  private final PDDocument document;
  private final Optional<Path> fallbackFile;
  private final PDType0Font regular;
  private final PDType0Font bold;
  private PDType0Font fallback;
  private boolean fallbackTried;
  private final java.util.Set<Integer> missing = new java.util.TreeSet<>();

  /** A piece of text in one font. */
  public record Run(PDFont font, String text) {}

  private FontSet(PDDocument document, Optional<Path> fallbackFile) throws IOException {
    this.document = document;
    this.fallbackFile = fallbackFile;
    this.regular = PDType0Font.load(document, new RandomAccessReadBuffer(REGULAR), true, false);
    this.bold = PDType0Font.load(document, new RandomAccessReadBuffer(BOLD), true, false);
  }

  /**
   * Loads the fonts into {@code document}; {@code fallbackFile} as found by {@link FallbackFont}.
   */
  public static FontSet load(PDDocument document, Optional<Path> fallbackFile) {
    try {
      return new FontSet(document, fallbackFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load the bundled DejaVu fonts", e);
    }
  }

  public PDFont regular() {
    return regular;
  }

  public PDFont bold() {
    return bold;
  }

  /** How many distinct characters were replaced by the placeholder so far. */
  public int missingCharacters() {
    return missing.size();
  }

  /** True when DejaVu Sans alone can show every character of {@code text}. */
  public boolean primaryCovers(String text) {
    return text.codePoints().allMatch(cp -> covers(regular, cp));
  }

  /** {@code text} with every character no font can show replaced by the placeholder. */
  public String displayable(String text) {
    StringBuilder out = new StringBuilder();
    for (Run run : runs(text, false)) {
      out.append(run.text());
    }
    return out.toString();
  }

  /** Splits {@code text} into runs of one font each, replacing what no font can show. */
  public List<Run> runs(String text, boolean boldFace) {
    PDType0Font main = boldFace ? bold : regular;
    List<Run> runs = new ArrayList<>();
    PDFont current = null;
    StringBuilder buffer = new StringBuilder();
    for (int cp : text.codePoints().toArray()) {
      PDFont font;
      String piece = new String(Character.toChars(cp));
      if (Character.isISOControl(cp)) {
        font = main;
        piece = " ";
      } else if (covers(main, cp)) {
        font = main;
      } else if (fallback() != null && covers(fallback, cp)) {
        font = fallback;
      } else {
        font = main;
        piece = PLACEHOLDER;
        missing.add(cp);
      }
      if (font != current && buffer.length() > 0) {
        runs.add(new Run(current, buffer.toString()));
        buffer.setLength(0);
      }
      current = font;
      buffer.append(piece);
    }
    if (buffer.length() > 0) {
      runs.add(new Run(current, buffer.toString()));
    }
    return runs;
  }

  /** The width of {@code text} at {@code size} points, as {@link #runs} would draw it. */
  public float width(String text, float size, boolean boldFace) {
    float width = 0;
    try {
      for (Run run : runs(text, boldFace)) {
        width += run.font().getStringWidth(run.text()) / 1000f * size;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return width;
  }

  private PDType0Font fallback() {
    if (!fallbackTried) {
      fallbackTried = true;
      fallbackFile.ifPresent(this::loadFallback);
    }
    return fallback;
  }

  private void loadFallback(Path file) {
    try {
      TrueTypeFont ttf;
      if (file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".ttc")) {
        // The collection stays open until the document is saved: the subsetter reads from it.
        TrueTypeCollection collection = new TrueTypeCollection(file.toFile());
        List<TrueTypeFont> fonts = new ArrayList<>();
        collection.processAllFonts(fonts::add);
        ttf = fonts.get(0);
        fallback = PDType0Font.load(document, ttf, true);
      } else {
        fallback =
            PDType0Font.load(
                document, new RandomAccessReadBuffer(Files.readAllBytes(file)), true, false);
      }
    } catch (IOException | RuntimeException e) {
      // A broken fallback font must not stop the report: the placeholder is shown instead.
      fallback = null;
    }
  }

  private static boolean covers(PDType0Font font, int codePoint) {
    try {
      TrueTypeFont ttf = ((PDCIDFontType2) font.getDescendantFont()).getTrueTypeFont();
      return ttf.getUnicodeCmapLookup().getGlyphId(codePoint) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = FontSet.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) {
        throw new IllegalStateException("font " + name + " missing from the jar");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
