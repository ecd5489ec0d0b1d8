package org.p2penergy.reports.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.reports.pdf.ReportPeriod;

class SummaryReaderTest {
  static final LocalDate DAY = LocalDate.of(2026, 11, 27);

  static Path fixture(String name) {
    try {
      return Path.of(SummaryReaderTest.class.getResource("/summaries/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsEveryPartOfTheContract() {
    DaySummary s = SummaryReader.read(fixture("demo"), "home", DAY);

    assertThat(s.date()).isEqualTo(DAY);
    assertThat(s.home().currency()).isEqualTo("USD");
    assertThat(s.hours()).isEqualTo(24);
    assertThat(s.totals().kwh()).isEqualTo(1.7);
    assertThat(s.appliances())
        .extracting(DaySummary.Appliance::name)
        .containsExactly("Microwave", "Fridge");
    DaySummary.Appliance fridge = s.appliances().get(1);
    assertThat(fridge.peakW()).isEqualTo(834.5);
    assertThat(fridge.onSeconds()).isEqualTo(30000);
    assertThat(fridge.cycles()).isEqualTo(31);
    assertThat(s.powerCurve().get(0).meanW()).hasSize(24).containsNull();
    assertThat(s.powerCurve().get(0).stepS()).isEqualTo(3600);
    assertThat(s.stateTimeline()).hasSize(5);
    assertThat(s.history()).hasSize(18);
    assertThat(s.dataQuality().quarantineReasons()).containsEntry("bad JSON", 2L);
    assertThat(s.dataQuality().unreadableFiles())
        .containsExactly("readings/date=2026-11-27/part-0003.parquet");
  }

  @Test
  void keepsTheLocalOffsetOfTimes() {
    DaySummary s = SummaryReader.read(fixture("demo"), "home", DAY);

    assertThat(s.anomalies().get(0).start())
        .isEqualTo(OffsetDateTime.parse("2026-11-27T18:02:00-05:00"));
    assertThat(s.anomalies().get(0).start().getHour()).isEqualTo(18);
  }

  @Test
  void missingFileIsAOneLineErrorNamingIt(@TempDir Path data) {
    Path expected = data.resolve("reports/home/2026-11-27/summary.json");

    assertThatThrownBy(() -> SummaryReader.read(data, "home", DAY))
        .isInstanceOf(SummaryUnavailableException.class)
        .hasMessageContaining(expected.toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void brokenJsonIsAOneLineErrorNamingTheFile(@TempDir Path data) throws IOException {
    Path file = SummaryReader.path(data, "home", DAY);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"date\": \"2026-11-27\", \"totals\": {\"kwh\": ");

    assertThatThrownBy(() -> SummaryReader.read(data, "home", DAY))
        .isInstanceOf(SummaryUnavailableException.class)
        .hasMessageStartingWith(file + " is not a valid summary")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void newerSchemaIsRefused(@TempDir Path data) throws IOException {
    Path file = SummaryReader.path(data, "home", DAY);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "{\"schema_version\": 2, \"date\": \"2026-11-27\"}");

    assertThatThrownBy(() -> SummaryReader.read(data, "home", DAY))
        .hasMessageContaining("schema_version 2");
  }

  @Test
  void aRequiredFieldMissingIsRefusedByName(@TempDir Path data) throws IOException {
    // Once read as totals of 0 beside a table with the fridge's figures: never read 0 for
    // "missing".
    Path file = SummaryReader.path(data, "home", DAY);
    Files.createDirectories(file.getParent());
    String whole = Files.readString(SummaryReader.path(fixture("demo"), "home", DAY));
    Files.writeString(file, whole.replaceFirst("\"totals\"", "\"totals_renamed\""));

    assertThatThrownBy(() -> SummaryReader.read(data, "home", DAY))
        .isInstanceOf(SummaryUnavailableException.class)
        .hasMessage(file + " is not a valid summary: totals: missing");
  }

  @Test
  void periodReturnsTheDaysThatExistOldestFirst() {
    assertThat(SummaryReader.readPeriod(fixture("demo"), "home", DAY, ReportPeriod.WEEK).days())
        .extracting(DaySummary::date)
        .containsExactly(LocalDate.of(2026, 11, 26), DAY);
    assertThat(SummaryReader.readPeriod(fixture("demo"), "home", DAY, ReportPeriod.DAY).days())
        .extracting(DaySummary::date)
        .containsExactly(DAY);
  }

  @Test
  void emptyPeriodIsAnEmptyList(@TempDir Path data) {
    assertThat(SummaryReader.readPeriod(data, "home", DAY, ReportPeriod.MONTH).days()).isEmpty();
  }
}
