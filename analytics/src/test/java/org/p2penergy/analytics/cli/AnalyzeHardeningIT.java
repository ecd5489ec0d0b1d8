package org.p2penergy.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.analytics.job.DemoDayFiles;
import org.p2penergy.analytics.job.ReadingsFiles;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.home.summary.SummaryJson;

/**
 * What a careful user found (issue 13) on analyze and sql, each case as they ran it. Each failed
 * before: a broken sql after a normal re-run, stack traces, billed impossible watts, writes from
 * sql, and sql counting files that analyze leaves out.
 */
class AnalyzeHardeningIT {
  private static final String DAY = "2026-11-27";
  private static final double WS = 3.6e6;

  @TempDir Path dir;

  private Path data() throws IOException {
    Path data = dir.resolve("data");
    DemoDayFiles.write(data);
    return data;
  }

  private Path config(String name, String yaml) throws IOException {
    return Files.writeString(dir.resolve(name + ".yaml"), yaml);
  }

  private static CommandRun.Result analyze(Path data, Path config) {
    return CommandRun.run(
        new AnalyticsMain(),
        "analyze",
        "--data",
        data.toString(),
        "--config",
        config.toString(),
        "--date",
        DAY);
  }

  private static CommandRun.Result sql(Path data, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "sql";
    all[1] = "--data";
    all[2] = data.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return CommandRun.run(new AnalyticsMain(), all);
  }

  private static DaySummary summary(Path data) throws IOException {
    return SummaryJson.read(
        Files.readString(data.resolve("reports/home/" + DAY + "/summary.json")));
  }

  private static Path aReadingsFile(Path data, String date) throws IOException {
    try (Stream<Path> files = Files.list(data.resolve("readings/home=home/date=" + date))) {
      return files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
  }

  @Test
  void sqlStillWorksAfterAReRunThatFindsNoAnomaly() throws Exception {
    Path data = data();
    assertThat(analyze(data, config("strict", DemoDayFiles.CONFIG)).code()).isZero();
    assertThat(summary(data).anomalies()).isNotEmpty();
    // The same day again with thresholds nothing reaches: not one anomaly this time.
    String lenient =
        DemoDayFiles.CONFIG
            + "anomalies: {door_open_max: 1d, gap_alert: 1d, short_cycle_min: 0s,"
            + " long_run_max: 1d}\n";
    CommandRun.Result again = analyze(data, config("lenient", lenient));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(summary(data).anomalies()).isEmpty();

    CommandRun.Result readings = sql(data, "SELECT count(*) AS n FROM readings");
    assertThat(readings.code()).as(readings.err()).isZero();
    assertThat(readings.err()).doesNotContain("UNABLE_TO_INFER_SCHEMA");
    CommandRun.Result anomalies = sql(data, "SELECT count(*) AS n FROM anomalies");
    assertThat(anomalies.code()).as(anomalies.err()).isZero();
    assertThat(anomalies.out().lines().toList()).contains("0");
  }

  @Test
  void aSyntaxErrorIsOneLineThatSaysSomething() throws Exception {
    Path data = data();
    CommandRun.Result bad = sql(data, "SELEC nope FROM");
    assertThat(bad.code()).isEqualTo(2);
    List<String> lines = bad.err().lines().filter(l -> l.startsWith("sql:")).toList();
    assertThat(lines).last().asString().contains("SYNTAX").doesNotEndWith("sql: ");
    assertThat(bad.err()).doesNotContain("\tat ");
  }

  @Test
  void sqlIsReadOnly() throws Exception {
    Path data = data();
    Path elsewhere = dir.resolve("elsewhere");
    CommandRun.Result write =
        sql(data, "INSERT OVERWRITE DIRECTORY '" + elsewhere + "' USING parquet SELECT 1 AS x");
    assertThat(write.code()).isEqualTo(2);
    assertThat(write.err()).contains("sql is read-only");
    assertThat(elsewhere).doesNotExist();
    assertThat(sql(data, "CREATE TABLE t AS SELECT 1").err()).contains("read-only");
    assertThat(sql(data, "SET spark.sql.ansi.enabled=false").err()).contains("read-only");
    // A query is still a query.
    assertThat(sql(data, "WITH x AS (SELECT 1 AS n) SELECT n FROM x").code()).isZero();
  }

  @Test
  void sqlLeavesOutWhatAnalyzeLeavesOutAndSaysSo() throws Exception {
    Path data = data();
    // A Parquet file that is not a readings file (another table's schema) among the readings.
    assertThat(analyze(data, config("demo", DemoDayFiles.CONFIG)).code()).isZero();
    Path daily;
    try (Stream<Path> files = Files.walk(data.resolve("analytics/daily"))) {
      daily = files.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Path stray = data.resolve("readings/home=home/date=" + DAY + "/part-stray.parquet");
    Files.copy(daily, stray);
    long analyzed = summary(data).appliances().stream().mapToLong(a -> a.readings()).sum();

    CommandRun.Result again = analyze(data, config("demo", DemoDayFiles.CONFIG));
    assertThat(again.err())
        .contains("left out: " + "file:" + stray)
        .contains("not a readings file");
    CommandRun.Result count = sql(data, "SELECT count(*) AS n FROM readings");
    assertThat(count.code()).as(count.err()).isZero();
    assertThat(count.err()).contains("readings file left out: file:" + stray);
    // The same files in both: the count is the readings of the demo day (not the daily's rows).
    long rows = Long.parseLong(count.out().lines().toList().get(2).strip());
    assertThat(rows).isGreaterThan(analyzed).isLessThan(analyzed + 200);
  }

  @Test
  void aFileCorruptPastItsFooterIsNamedAndLeftOut() throws Exception {
    Path data = data();
    // Garble the middle of the file: the footer still opens, the pages do not decode.
    Path late = aReadingsFile(data, "2026-11-28");
    try (RandomAccessFile f = new RandomAccessFile(late.toFile(), "rw")) {
      f.seek(8);
      f.write(new byte[(int) Math.min(4096, f.length() / 2)]);
    }
    CommandRun.Result run = analyze(data, config("demo", DemoDayFiles.CONFIG));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("unreadable file, left out: " + "file:" + late);
    assertThat(run.err().lines().filter(l -> l.contains("\tat ")).count()).isZero();
    assertThat(run.err().lines().count()).isLessThan(40);
    assertThat(summary(data).dataQuality().unreadableFiles())
        .anyMatch(p -> p.endsWith(late.getFileName().toString()));
  }

  @Test
  void impossibleWattsOnDiskAreFlaggedAndNotBilled() throws Exception {
    Path data = dir.resolve("data");
    // 600 readings of 1e12 W in the middle of a day of 100 W (105.5 W raw) at 1 every 30 s.
    Instant start = Instant.parse("2026-11-27T05:00:00Z"); // local midnight, New York
    List<Reading> readings = new java.util.ArrayList<>();
    for (int i = 0; i <= 2880; i++) {
      Instant t = start.plusSeconds(30L * i);
      double w = i >= 1000 && i < 1600 ? 1e12 : 105.5;
      readings.add(new Reading("34003d000547363332363639", "power", t, t, w));
    }
    ReadingsFiles.write(data, "home", readings);
    CommandRun.Result run = analyze(data, config("demo", DemoDayFiles.CONFIG));
    assertThat(run.code()).as(run.err()).isZero();
    DaySummary s = summary(data);
    DaySummary.Appliance fridge = s.appliances().get(0);
    // The readings either side of the 600 left out are 601 x 30 s apart, more than the 60 s max
    // gap: that stretch is not charged, the rest of the day is 100 W.
    assertThat(fridge.outOfRange()).isEqualTo(600);
    assertThat(fridge.kwh()).isCloseTo(100 * (86_400 - 601 * 30) / WS, within(1e-9));
    assertThat(fridge.kwh()).isLessThan(2.4);
    assertThat(s.anomalies()).anyMatch(a -> a.kind().equals("out_of_range"));
    assertThat(
            s.anomalies().stream()
                .filter(a -> a.kind().equals("out_of_range"))
                .findFirst()
                .orElseThrow()
                .detail())
        .startsWith("600 readings outside the physical range");
    assertThat(s.dataQuality().outOfRange()).isEqualTo(600);
  }
}
