package org.p2penergy.reports.pdf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds a font on the machine for the characters DejaVu Sans lacks (Chinese, Japanese, Korean): the
 * file named by {@code P2PENERGY_FALLBACK_FONT}, else the first of a few Debian font packages that
 * is installed. None is bundled (they are megabytes); without one, such characters show as a
 * placeholder and the report says so.
 */
public final class FallbackFont {
  /** Debian packages' files, smallest and widest first. */
  static final List<Path> CANDIDATES =
      List.of(
          Path.of(
              "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"), // fonts-droid-fallback
          Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"), // fonts-wqy-microhei
          Path.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"), // fonts-wqy-zenhei
          Path.of("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")); // fonts-noto-cjk

  private FallbackFont() {}

  /** The fallback font for this machine, if any. */
  public static Optional<Path> find() {
    String configured = System.getenv("P2PENERGY_FALLBACK_FONT");
    if (configured != null && !configured.isBlank()) {
      Path file = Path.of(configured);
      return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
    return CANDIDATES.stream().filter(Files::isRegularFile).findFirst();
  }
}
