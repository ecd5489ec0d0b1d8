package org.p2penergy.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.analytics.job.ReadingsFiles;
import org.p2penergy.analytics.job.TestSpark;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.home.summary.SummaryJson;

/**
 * The peer comparison on a community whose figures are worked out by hand: six homes, a week of
 * readings (one a minute, constant power), analysed in one run.
 *
 * <ul>
 *   <li>Fridges in five homes (exactly {@code min_homes: 5}: compared): 40, 50, 60, 80 and 100 W
 *       after the 5.5 W floor, and a second fridge of 70 W in p-5: six fridges, five homes. Daily
 *       kWh: 0.96, 1.2, 1.44, 1.68, 1.92, 2.4. Linear interpolation over n = 6 (Spark's {@code
 *       percentile}, DuckDB's {@code quantile_cont}): p20 at 0.2 × 5 = 1.0 → 1.2; median at 2.5 →
 *       (1.44 + 1.68) / 2 = 1.56; mean 9.6 / 6 = 1.6. p-4's 1.92: 4 of the 5 others lower → 80 %.
 *   <li>Standby is the constant power itself: 40, 50, 60, 70, 80, 100 W → p20 50, median 65.
 *   <li>A fridge in p-6 with readings only half of each day (coverage 0.5 < 0.95): not counted, and
 *       given no comparison.
 *   <li>Microwaves in four homes only (one below the threshold): no comparison at all.
 * </ul>
 */
class PeersIT {
  private static final LocalDate FIRST = LocalDate.of(2026, 11, 21);
  private static final LocalDate LAST = LocalDate.of(2026, 11, 27);
  @TempDir static Path dir;
  private static CommandRun.Result analyze;

  private static final List<String[]> FRIDGES =
      List.of(
          new String[] {"p-1", "UTC", "bb0000000000000000000011", "45.5"},
          new String[] {"p-2", "UTC", "bb0000000000000000000021", "55.5"},
          new String[] {"p-3", "Europe/Berlin", "bb0000000000000000000031", "65.5"},
          new String[] {"p-4", "Europe/Berlin", "bb0000000000000000000041", "85.5"},
          new String[] {"p-5", "UTC", "bb0000000000000000000051", "105.5"},
          new String[] {"p-5", "UTC", "bb0000000000000000000052", "75.5"});

  private static List<Reading> week(String device, String zone, double watts, boolean half) {
    ZoneId z = ZoneId.of(zone);
    List<Reading> out = new ArrayList<>();
    Instant from = FIRST.atStartOfDay(z).toInstant().minusSeconds(60);
    Instant to = LAST.plusDays(1).atStartOfDay(z).toInstant();
    for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(60)) {
      if (half && t.atZone(z).getHour() >= 12) continue;
      out.add(new Reading(device, "power", t, t, watts));
    }
    return out;
  }

  private static String homeFile(String id, String zone, String appliances) {
    return "home: {id: "
        + id
        + ", name: Household "
        + id.toUpperCase()
        + ", timezone: "
        + zone
        + "}\ntariff: {flat: 0.10}\nappliances:\n"
        + appliances;
  }

  @BeforeAll
  static void analyzeAWeek() throws Exception {
    Path homes = Files.createDirectories(dir.resolve("homes"));
    Path data = dir.resolve("data");
    String[] zones = {"UTC", "UTC", "Europe/Berlin", "Europe/Berlin", "UTC", "UTC"};
    List<String> files = new ArrayList<>();
    for (int h = 1; h <= 6; h++) {
      String id = "p-" + h;
      StringBuilder apps = new StringBuilder();
      List<Reading> readings = new ArrayList<>();
      for (String[] f : FRIDGES) {
        if (f[0].equals(id)) {
          apps.append("  - {device_id: ")
              .append(f[2])
              .append(", name: Fridge ")
              .append(f[2], 20, 24)
              .append(", kind: fridge}\n");
          readings.addAll(week(f[2], f[1], Double.parseDouble(f[3]), false));
        }
      }
      if (h == 6) {
        apps.append("  - {device_id: bb0000000000000000000061, name: Old fridge, kind: fridge}\n");
        readings.addAll(week("bb0000000000000000000061", "UTC", 205.5, true));
      }
      if (h <= 4) {
        String mw = "cc00000000000000000000" + h + "0";
        apps.append("  - {device_id: ").append(mw).append(", name: Microwave, kind: microwave}\n");
        readings.addAll(week(mw, zones[h - 1], 5.5, false));
      }
      Files.writeString(homes.resolve(id + ".yaml"), homeFile(id, zones[h - 1], apps.toString()));
      files.add("homes/" + id + ".yaml");
      ReadingsFiles.write(data, id, readings);
    }
    Path community =
        Files.writeString(
            dir.resolve("community.yaml"),
            "community: {name: Pine Court}\npeers: {min_homes: 5, min_coverage: 0.95}\n"
                + "storage: {url: data}\nhomes: ["
                + String.join(", ", files)
                + "]\n");
    analyze =
        CommandRun.run(
            new AnalyticsMain(),
            "analyze",
            "--community",
            community.toString(),
            "--from",
            FIRST.toString(),
            "--to",
            LAST.toString());
  }

  private static DaySummary summary(String home) throws Exception {
    return SummaryJson.read(
        Files.readString(dir.resolve("data/reports/" + home + "/" + LAST + "/summary.json")));
  }

  private static DaySummary.Peer peer(String home, String device, String metric, String period)
      throws Exception {
    return summary(home).peers().stream()
        .filter(p -> p.deviceId().equals(device) && p.metric().equals(metric))
        .filter(p -> p.period().equals(period))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + metric + "/" + period + " for " + device));
  }

  @Test
  void fridgesAreComparedWithHandWorkedPercentiles() throws Exception {
    assertThat(analyze.code()).as(analyze.err()).isZero();
    DaySummary.Peer four = peer("p-4", "bb0000000000000000000041", "kwh", "day");
    assertThat(four.value()).isCloseTo(1.92, within(1e-9));
    assertThat(four.appliances()).isEqualTo(6);
    assertThat(four.homes()).isEqualTo(5);
    assertThat(four.p20()).isCloseTo(1.2, within(1e-9));
    assertThat(four.median()).isCloseTo(1.56, within(1e-9));
    assertThat(four.mean()).isCloseTo(1.6, within(1e-9));
    assertThat(four.rankPct()).isCloseTo(80, within(1e-9));
    assertThat(four.appliance()).isEqualTo("Fridge 0041");
    assertThat(peer("p-1", "bb0000000000000000000011", "kwh", "day").rankPct()).isZero();
    assertThat(peer("p-5", "bb0000000000000000000051", "kwh", "day").rankPct())
        .isCloseTo(100, within(1e-9));
    DaySummary.Peer standby = peer("p-3", "bb0000000000000000000031", "standby_w", "day");
    assertThat(standby.p20()).isCloseTo(50, within(1e-9));
    assertThat(standby.median()).isCloseTo(65, within(1e-9));
    // A week of the same days: the same figures, as daily means.
    DaySummary.Peer week = peer("p-4", "bb0000000000000000000041", "kwh", "week");
    assertThat(week.median()).isCloseTo(1.56, within(1e-9));
    assertThat(week.appliances()).isEqualTo(6);
  }

  @Test
  void belowTheThresholdOrTheCoverageThereIsNoComparison() throws Exception {
    // Microwaves: four homes, one below min_homes.
    for (String home : List.of("p-1", "p-2", "p-3", "p-4")) {
      assertThat(summary(home).peers()).as(home).noneMatch(p -> p.kind().equals("microwave"));
    }
    // The half-covered fridge: not a peer, and not compared.
    assertThat(summary("p-6").peers()).isEmpty();
    // ...and its report can say why: the summary carries the rules it was judged by.
    assertThat(summary("p-6").community())
        .hasValue(new DaySummary.Community("Pine Court", 5, 0.95));
    assertThat(peer("p-2", "bb0000000000000000000021", "kwh", "day").appliances()).isEqualTo(6);
  }

  @Test
  void noHomeLearnsAnythingAboutAnother() throws Exception {
    for (int h = 1; h <= 6; h++) {
      String text =
          Files.readString(dir.resolve("data/reports/p-" + h + "/" + LAST + "/summary.json"));
      for (int other = 1; other <= 6; other++) {
        if (other == h) continue;
        String id = "p-" + other;
        assertThat(text)
            .as("p-" + h)
            .doesNotContain("\"" + id + "\"")
            .doesNotContain("Household P-" + other);
        for (String[] f : FRIDGES) {
          if (f[0].equals(id)) assertThat(text).as("p-" + h).doesNotContain(f[2]);
        }
      }
    }
  }

  @Test
  void thePeersTableNamesNoHome() throws Exception {
    SparkSession spark = TestSpark.start("PeersIT");
    try {
      List<Row> rows =
          spark
              .read()
              .parquet(dir.resolve("data/analytics/peers").toString())
              .where("kind = 'fridge' AND metric = 'kwh' AND period = 'day'")
              .where("date = DATE'" + LAST + "'")
              .collectAsList();
      assertThat(rows).hasSize(1);
      assertThat(List.of(rows.get(0).schema().fieldNames()))
          .containsExactlyInAnyOrder(
              "date", "period", "kind", "metric", "appliances", "homes", "p20", "median", "mean");
      assertThat((double) rows.get(0).getAs("median")).isCloseTo(1.56, within(1e-9));
    } finally {
      spark.stop();
    }
  }
}
