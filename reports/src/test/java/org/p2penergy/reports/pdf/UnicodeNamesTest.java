package org.p2penergy.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kühlschrank, 冰箱 and Micro-ondes №2 (summaries/unicode): shown, never a crash. */
class UnicodeNamesTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 27);
  static final Path DATA = ReportRendererTest.fixture("unicode");

  @Test
  void latinAndSymbolsRenderInDejaVu(@TempDir Path out) throws IOException {
    RenderedReport report =
        new ReportRenderer(Optional.empty())
            .render(DATA, "home", DAY, ReportPeriod.DAY, out.resolve("u.pdf"));
    String text = Pdfs.text(report.pdf());

    assertThat(text).contains("Wohnung Müller — day energy report");
    // 1.0 kWh of 2.0; 0.30 EUR
    assertThat(text).contains("Kühlschrank 1.00 €0.30 50%", "Micro-ondes №2 0.400 €0.12 20%");
    assertThat(report.headline().table()).contains("冰箱", "Kühlschrank", "Micro-ondes №2");
  }

  @Test
  void withoutAFallbackFontCjkBecomesAVisiblePlaceholder(@TempDir Path out) throws IOException {
    RenderedReport report =
        new ReportRenderer(Optional.empty())
            .render(DATA, "home", DAY, ReportPeriod.DAY, out.resolve("u.pdf"));
    String text = Pdfs.text(report.pdf());

    assertThat(text).contains("□□ 0.600 €0.18 30%");
    assertThat(text).doesNotContain("冰箱");
    assertThat(text).contains("2 distinct character(s) could not be shown");
  }

  @Test
  void withAFallbackFontCjkIsRealText(@TempDir Path out) throws IOException {
    Optional<Path> fallback = FallbackFont.find();
    assumeTrue(
        fallback.isPresent(), "no CJK font installed (apt-get install fonts-droid-fallback)");

    RenderedReport report =
        new ReportRenderer(fallback)
            .render(DATA, "home", DAY, ReportPeriod.DAY, out.resolve("u.pdf"));
    String text = Pdfs.text(report.pdf());

    assertThat(text).contains("冰箱 0.600 €0.18 30%");
    assertThat(text).doesNotContain("could not be shown");
    assertThat(java.nio.file.Files.size(report.pdf())).isLessThan(300 * 1024);
  }
}
