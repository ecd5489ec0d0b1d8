package org.p2penergy.reports.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.reports.summary.SummaryUnavailableException;

/**
 * Renders the hand-written fixtures (src/test/resources/summaries) and reads the PDFs back. Every
 * expected figure is worked out here from the fixture's numbers.
 */
class ReportRendererTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 27);
  static final ReportRenderer RENDERER = new ReportRenderer(Optional.empty());

  static Path fixture(String name) {
    try {
      return Path.of(ReportRendererTest.class.getResource("/summaries/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class DayReport {
    RenderedReport report;
    String text;

    @BeforeAll
    void render(@TempDir Path out) throws IOException {
      report =
          RENDERER.render(fixture("demo"), "home", DAY, ReportPeriod.DAY, out.resolve("day.pdf"));
      text = Pdfs.text(report.pdf());
    }

    @Test
    void totalsAndComparisons() {
      // fridge 1.2 + microwave 0.5 kWh; 0.18 + 0.075 $
      assertThat(text).contains("Demo home — day energy report", "Friday 27 November 2026");
      assertThat(text).contains("1.70 kWh · $0.26");
      // the day before 1.1 + 0.5 = 1.6 -> +6.25 %; the 7 days before: 10.0 / 7 = 1.43 -> +19 %
      assertThat(text).contains("vs previous day: +6% (1.60 kWh)");
      assertThat(text).contains("vs 7-day average: +19% (1.43 kWh/day)");
      // standby 0.348 + 0.0504 kWh, 0.0522 + 0.00756 $
      assertThat(text).contains("Always on (standby): 0.398 kWh ($0.06) · data coverage 98%");
    }

    @Test
    void tablePerAppliance() {
      long fridgeShare = Math.round(1.2 / 1.7 * 100);
      long microwaveShare = Math.round(0.5 / 1.7 * 100);
      assertThat(text)
          .contains(
              String.format(
                  Locale.ROOT,
                  "Fridge 1.20 $0.18 %d%% 835 W 14.5 W $0.05 8 h 20 min 31 99%%",
                  fridgeShare));
      assertThat(text)
          .contains(
              String.format(
                  Locale.ROOT,
                  "Microwave 0.500 $0.08 %d%% 2000 W 2.1 W $0.01 15 min 4 97%%",
                  microwaveShare));
      assertThat(text).contains("Total 1.70 $0.26 100% $0.06 35 98%");
      // sorted by energy: the fridge first although the file lists the microwave first
      assertThat(text.indexOf("Fridge 1.20")).isLessThan(text.indexOf("Microwave 0.500"));
    }

    @Test
    void whatStoodOut() {
      assertThat(text)
          .contains(
              "Fridge: door left open on 27 Nov 18:02–18:09: door open 7.5 min (threshold 2 min).");
      // fridge 1.2 vs 1.1 the day before: +0.1 kWh, +9 %; the microwave did not change
      assertThat(text)
          .contains("Biggest change: Fridge used 0.100 kWh more than the previous day (+9%).");
      // 0.3984 / 1.7 = 23 %
      assertThat(text)
          .contains("Always-on (standby) power used 0.398 kWh ($0.06), 23% of the total;");
    }

    @Test
    void dataQuality() {
      assertThat(text).contains("Data quality");
      assertThat(text).contains("Fridge 34003d000547363332363639 99% 2 40000 1 / 1");
      // 08:00Z-08:04:10Z is 03:00-03:04 in New York
      assertThat(text)
          .contains(
              "Outages (stream down, nothing recorded): 1.",
              "27 Nov 03:00–03:04 (4 min): read timeout");
      assertThat(text).contains("Quarantined events: 3 (bad JSON: 2, missing coreid: 1).");
      assertThat(text).contains("Duplicate readings (counted once): 7.");
      assertThat(text)
          .contains(
              "Files that could not be read: 1.", "readings/date=2026-11-27/part-0003.parquet");
    }

    @Test
    void structureTwoPagesFourCharts() throws IOException {
      assertThat(Pdfs.pages(report.pdf())).isEqualTo(2);
      // page 1: share + power curve + 30-day history; page 2: state timeline
      assertThat(Pdfs.formsPerPage(report.pdf())).containsExactly(3, 1);
      assertThat(text)
          .contains(
              "Share of energy",
              "Power through the day, 2026-11-27",
              "Daily energy, last 30 days",
              "States through the day, 2026-11-27");
      assertThat(text).doesNotContain("Energy by hour of day");
    }

    @Test
    void chartTextIsRealText() {
      // axis labels, legends and ticks of the charts come out of the text layer
      assertThat(text)
          .contains("hour (America/New_York)", "day (29 Oct – 27 Nov)", "cooling", "door_open");
      assertThat(text).containsPattern("Fridge \\d+%");
    }

    @Test
    void stateTimelineShowsTheMicrowaveLevels() {
      // the fixture's microwave sessions: 07:10 "level 6" and 18:20 "level 10"
      assertThat(text).contains("heating (level 6)", "heating (level 10)");
    }

    @Test
    void pageOneIsNotBlank() throws IOException {
      BufferedImage page = Pdfs.render(report.pdf(), 0, 50);
      // A4 at 50 dpi: the text block, the share/power row and the history chart
      assertThat(Pdfs.inked(page, 0.05, 0.35)).as("text").isGreaterThan(0.02);
      assertThat(Pdfs.inked(page, 0.37, 0.58)).as("share and power charts").isGreaterThan(0.04);
      assertThat(Pdfs.inked(page, 0.60, 0.80)).as("history chart").isGreaterThan(0.04);
      // the margin below the footer stays white
      assertThat(Pdfs.inked(page, 0.985, 1.0)).isLessThan(0.001);
    }

    @Test
    void headline() {
      Headline h = report.headline();
      assertThat(h.date()).isEqualTo(DAY);
      assertThat(h.period()).isEqualTo(ReportPeriod.DAY);
      assertThat(h.kwh()).isEqualTo(1.2 + 0.5);
      assertThat(h.cost()).isEqualTo(0.18 + 0.075);
      assertThat(h.currency()).isEqualTo("USD");
      assertThat(h.empty()).isFalse();
      assertThat(h.table().lines())
          .containsExactly(
              "Appliance       kWh      Cost  Share",
              "Fridge         1.20     $0.18    71%",
              "Microwave     0.500     $0.08    29%",
              "Total          1.70     $0.26   100%");
    }

    @Test
    void headlineWithoutRenderingIsTheSame() {
      assertThat(ReportRenderer.headline(fixture("demo"), "home", DAY, ReportPeriod.DAY))
          .isEqualTo(report.headline());
    }

    @Test
    void fontsAreEmbeddedSubsets() throws IOException {
      try (var doc = org.apache.pdfbox.Loader.loadPDF(report.pdf().toFile())) {
        var page = doc.getPage(0);
        for (var name : page.getResources().getFontNames()) {
          var font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).isTrue();
          assertThat(font.getName()).matches("[A-Z]{6}\\+DejaVuSans.*");
        }
      }
    }
  }

  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WeekReport {
    RenderedReport report;
    String text;

    @BeforeAll
    void render(@TempDir Path out) throws IOException {
      report =
          RENDERER.render(fixture("demo"), "home", DAY, ReportPeriod.WEEK, out.resolve("week.pdf"));
      text = Pdfs.text(report.pdf());
    }

    @Test
    void addsUpTheDaysItHas() {
      // 26 Nov: 1.6 kWh, 0.24 $; 27 Nov: 1.7 kWh, 0.255 $ (0.495 rounds half up)
      assertThat(text).contains("21 Nov 2026 – 27 Nov 2026 (7 days)");
      assertThat(text).contains("3.30 kWh · $0.50");
      // daily means: 3.3 / 2 days = 1.65; the week before knows 19 and 20 Nov, 1.4 each: +18 %;
      // the 7 days before 21 Nov are the same two known days
      assertThat(text)
          .contains(
              "daily mean 1.65 kWh · vs previous week: +18% (1.40 kWh/day) · vs the 7 days before:"
                  + " +18% (1.40 kWh/day)");
      // fridge (1.1 + 1.2) / 2 = 1.15 a day against 1.0: +0.15 (+15 %); microwave 0.5 vs 0.4
      assertThat(text)
          .contains(
              "Biggest change: Fridge used 0.150 kWh/day more than in the previous week (+15%).");
      assertThat(report.headline().kwh()).isEqualTo(1.6 + 1.7);
    }

    @Test
    void saysWhichDaysAreMissing() {
      assertThat(text)
          .contains(
              "Days with no summary: 2026-11-21, 2026-11-22, 2026-11-23, 2026-11-24, 2026-11-25.");
      assertThat(text).contains("5 day(s) of the period have no summary");
    }

    @Test
    void hasTheHeatmap() throws IOException {
      assertThat(text).contains("Energy by hour of day");
      assertThat(Pdfs.formsPerPage(report.pdf()).stream().mapToInt(Integer::intValue).sum())
          .isEqualTo(5);
    }
  }

  @Nested
  class EmptyOrMissing {
    @Test
    void dayWithoutReadingsSaysSo(@TempDir Path out) throws IOException {
      RenderedReport report =
          RENDERER.render(fixture("empty"), "home", DAY, ReportPeriod.DAY, out.resolve("e.pdf"));
      String text = Pdfs.text(report.pdf());

      assertThat(text).contains("No data for this period.", "list no appliance readings");
      assertThat(text).contains("collector not running");
      assertThat(Pdfs.formsPerPage(report.pdf()).stream().mapToInt(Integer::intValue).sum())
          .isZero();
      assertThat(report.headline().empty()).isTrue();
      assertThat(report.headline().kwh()).isZero();
    }

    @Test
    void periodWithNoSummaryAtAllSaysSo(@TempDir Path data) throws IOException {
      RenderedReport report = RENDERER.render(data, "home", DAY, ReportPeriod.MONTH, null);

      assertThat(report.pdf()).isEqualTo(data.resolve("reports/home/2026-11-27/report-month.pdf"));
      assertThat(Pdfs.text(report.pdf()))
          .contains(
              "No data for this period.", "no summary for any day from 1 Nov 2026 to 27 Nov 2026");
      assertThat(report.headline().table()).isEqualTo("(no data for this period)\n");
    }

    @Test
    void missingDaySummaryIsAUserErrorAndNoFile(@TempDir Path data) {
      Path out = data.resolve("r.pdf");
      assertThatThrownBy(() -> RENDERER.render(data, "home", DAY, ReportPeriod.DAY, out))
          .isInstanceOf(SummaryUnavailableException.class)
          .hasMessageContaining(data.resolve("reports/home/2026-11-27/summary.json").toString());
      assertThat(out).doesNotExist();
    }
  }

  @Nested
  class Sizes {
    @Test
    void realisticDayIsWellUnder300Kb(@TempDir Path data) throws IOException {
      RealisticSummaries.write(data, DAY, 1);
      assertThat(Files.size(SummaryReaderJson.of(data)))
          .as("fixture has full 1-minute curves")
          .isGreaterThan(40_000);

      RenderedReport report = RENDERER.render(data, "home", DAY, ReportPeriod.DAY, null);

      assertThat(Files.size(report.pdf())).isLessThan(300 * 1024);
      assertThat(Pdfs.text(report.pdf())).contains("Raspberry Pi", "Power through the day");
    }
  }

  @Nested
  class AnalyzeOutput {
    @Test
    void summaryWrittenByAnalyzeRendersUnder300Kb(@TempDir Path out) throws IOException {
      LocalDate day = LocalDate.of(2026, 11, 24);
      RenderedReport report =
          RENDERER.render(
              fixture("analyze-demo"), "home", day, ReportPeriod.DAY, out.resolve("a.pdf"));
      String text = Pdfs.text(report.pdf());

      assertThat(Files.size(report.pdf())).isLessThan(300 * 1024);
      // the file's totals: kwh 2.077021975444445, cost 0.31155329631666673
      assertThat(text).contains("2.08 kWh · $0.31");
      // its fridge: kwh 1.7272595619166669 of 2.077021975444445 = 83 %, 29 cycles
      assertThat(text).containsPattern("Fridge 1\\.73 \\$0\\.26 83% .* 29 100%");
      assertThat(Pdfs.formsPerPage(report.pdf())).containsExactly(3, 1);
    }
  }

  @Nested
  class DaylightSaving {
    @Test
    void twentyFiveHourDayRenders(@TempDir Path data) throws IOException {
      // 1 Nov 2026: New York falls back, 1500 one-minute values
      LocalDate fallBack = LocalDate.of(2026, 11, 1);
      RealisticSummaries.write(data, fallBack, 1);

      RenderedReport report = RENDERER.render(data, "home", fallBack, ReportPeriod.DAY, null);

      assertThat(
              org.p2penergy.reports.summary.SummaryReader.read(data, "home", fallBack)
                  .powerCurve()
                  .get(0)
                  .meanW())
          .hasSize(1500);
      assertThat(Pdfs.text(report.pdf()))
          .contains("Sunday 1 November 2026", "Power through the day");
      // the clock goes back at 2 a.m. EDT: both day charts mark the second 1 a.m.
      assertThat(Pdfs.text(report.pdf()).split("1 EST", -1)).hasSize(3);
    }
  }

  /** Where the realistic fixture lives. */
  static final class SummaryReaderJson {
    static Path of(Path data) {
      return org.p2penergy.reports.summary.SummaryReader.path(data, "home", DAY);
    }
  }
}
