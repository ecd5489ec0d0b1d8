package org.p2penergy.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.home.summary.SummaryJson;

/**
 * One {@code analyze --community} for five homes in three zones on 2026-11-01 (the day New York
 * turns its clocks back: 25 hours there), every figure worked out by hand from the readings below:
 *
 * <ul>
 *   <li>oak-1, America/New_York: a fridge at 105.5 W every 30 s (100 W after the 5.5 W floor) for
 *       the 25-hour day: 2.5 kWh, $0.25 at a flat $0.10.
 *   <li>oak-2, Europe/Berlin (a 24-hour day there): a fridge at 105.5 W: 2.4 kWh, at 0.20 EUR from
 *       00:00 to 12:00 and 0.30 EUR after: 1.2 × 0.2 + 1.2 × 0.3 = 0.60 EUR.
 *   <li>oak-3, Asia/Kolkata (+05:30): a kettle at 55.5 W (50 W): 1.2 kWh; and a device its file
 *       does not list, at 15.5 W (10 W): analysed as a generic appliance of oak-3, 0.24 kWh.
 *   <li>oak-4: no readings at all that day: a summary with no appliances and coverage 0.
 *   <li>oak-5, UTC: a fridge at 105.5 W, 2.4 kWh, and a garbage file in its folder: named in its
 *       own summary, nowhere else, and the other homes are done.
 * </ul>
 */
class CommunityAnalyzeIT {
  private static final LocalDate DAY = SmallCommunity.DAY;
  @TempDir static Path dir;
  private static CommandRun.Result analyze;

  @BeforeAll
  static void analyzeTheCommunity() throws Exception {
    Path community = SmallCommunity.write(dir);
    analyze =
        CommandRun.run(
            new AnalyticsMain(),
            "analyze",
            "--community",
            community.toString(),
            "--date",
            DAY.toString());
  }

  private static DaySummary summary(String home) throws IOException {
    return SummaryJson.read(
        Files.readString(dir.resolve("data/reports/" + home + "/2026-11-01/summary.json")));
  }

  private static Map<String, DaySummary.Appliance> appliances(String home) throws IOException {
    return summary(home).appliances().stream()
        .collect(Collectors.toMap(DaySummary.Appliance::name, Function.identity()));
  }

  @Test
  void oneJobAnalysesEveryHomeInItsOwnZone() throws Exception {
    assertThat(analyze.code()).as(analyze.err()).isZero();
    assertThat(analyze.err()).contains("for Oak Lane (5 homes)");
    DaySummary one = summary("oak-1");
    assertThat(one.day().hours()).isEqualTo(25);
    assertThat(one.hourly()).hasSize(25);
    assertThat(appliances("oak-1").get("Fridge").kwh()).isCloseTo(2.5, within(1e-9));
    assertThat(appliances("oak-1").get("Fridge").cost()).isCloseTo(0.25, within(1e-9));
    assertThat(appliances("oak-1").get("Fridge").coverage()).isCloseTo(1.0, within(1e-12));

    DaySummary two = summary("oak-2");
    assertThat(two.day().hours()).isEqualTo(24);
    assertThat(two.home().currency()).isEqualTo("EUR");
    assertThat(appliances("oak-2").get("Kühlschrank").kwh()).isCloseTo(2.4, within(1e-9));
    assertThat(appliances("oak-2").get("Kühlschrank").cost()).isCloseTo(0.60, within(1e-9));

    Map<String, DaySummary.Appliance> three = appliances("oak-3");
    assertThat(three.get("Kettle").kwh()).isCloseTo(1.2, within(1e-9));
    assertThat(three.get("cafe00000000000000000003").kwh()).isCloseTo(0.24, within(1e-9));
    assertThat(three.get("cafe00000000000000000003").kind()).isEqualTo("generic");
    assertThat(summary("oak-3").day().start().getOffset().getTotalSeconds()).isEqualTo(19_800);
  }

  @Test
  void aHomeWithoutReadingsStillGetsASummarySayingSo() throws Exception {
    DaySummary four = summary("oak-4");
    assertThat(four.appliances()).isEmpty();
    assertThat(four.totals().kwh()).isZero();
    assertThat(four.dataQuality().coverage()).isZero();
  }

  @Test
  void anUnreadableFileIsNamedInItsOwnHomeOnly() throws Exception {
    assertThat(summary("oak-5").dataQuality().unreadableFiles())
        .singleElement()
        .asString()
        .endsWith("home=oak-5/date=2026-11-01/part-garbage.parquet");
    assertThat(appliances("oak-5").get("Fridge").kwh()).isCloseTo(2.4, within(1e-9));
    for (String other : List.of("oak-1", "oak-2", "oak-3", "oak-4")) {
      assertThat(summary(other).dataQuality().unreadableFiles()).as(other).isEmpty();
    }
    assertThat(analyze.err()).contains("unreadable file, left out:").contains("part-garbage");
  }

  @Test
  void theTablesArePartitionedByHomeAndDate() {
    for (String home : List.of("oak-1", "oak-2", "oak-3", "oak-5")) {
      for (String table : List.of("daily", "hourly", "states")) {
        assertThat(dir.resolve("data/analytics/" + table + "/home=" + home + "/date=2026-11-01"))
            .as(table + " of " + home)
            .isDirectory();
      }
    }
    assertThat(dir.resolve("data/analytics/daily/home=oak-4")).doesNotExist();
    assertThat(dir.resolve("data/analytics/_staging")).doesNotExist();
    // One summary line on stdout per home.
    assertThat(analyze.out().lines().filter(l -> l.endsWith("summary.json"))).hasSize(5);
  }
}
