package org.p2penergy.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

class FontSetTest {
  @Test
  void dejaVuCoversLatinAndSymbols() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      FontSet fonts = FontSet.load(doc, Optional.empty());

      assertThat(fonts.primaryCovers("Kühlschrank Micro-ondes №2 – € • □")).isTrue();
      assertThat(fonts.runs("Kühlschrank", false))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.font()).isSameAs(fonts.regular());
                assertThat(r.text()).isEqualTo("Kühlschrank");
              });
      assertThat(fonts.missingCharacters()).isZero();
    }
  }

  @Test
  void withoutFallbackMissingGlyphsBecomePlaceholdersAndAreCounted() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      FontSet fonts = FontSet.load(doc, Optional.empty());

      assertThat(fonts.primaryCovers("冰箱")).isFalse();
      assertThat(fonts.displayable("冰箱 №2")).isEqualTo("□□ №2");
      assertThat(fonts.displayable("冰")).isEqualTo("□");
      assertThat(fonts.missingCharacters()).isEqualTo(2); // distinct: 冰 and 箱
      // control characters never reach the PDF
      assertThat(fonts.displayable("a\tb")).isEqualTo("a b");
    }
  }

  @Test
  void brokenFallbackFileIsIgnored(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path notAFont = java.nio.file.Files.writeString(dir.resolve("x.ttf"), "not a font");
    try (PDDocument doc = new PDDocument()) {
      FontSet fonts = FontSet.load(doc, Optional.of(notAFont));

      assertThat(fonts.displayable("冰箱")).isEqualTo("□□");
    }
  }

  @Test
  void fallbackTakesWhatDejaVuLacksInItsOwnRun() throws Exception {
    Optional<Path> fallback = FallbackFont.find();
    assumeTrue(
        fallback.isPresent(), "no CJK font installed (apt-get install fonts-droid-fallback)");
    try (PDDocument doc = new PDDocument()) {
      FontSet fonts = FontSet.load(doc, fallback);

      var runs = fonts.runs("Küche 冰箱 2", false);

      assertThat(runs).extracting(FontSet.Run::text).containsExactly("Küche ", "冰箱", " 2");
      assertThat(runs.get(0).font()).isSameAs(runs.get(2).font()).isSameAs(fonts.regular());
      assertThat(runs.get(1).font().getName()).contains("DroidSansFallback");
      assertThat(fonts.missingCharacters()).isZero();
    }
  }
}
