package org.p2penergy.analytics.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.analytics.job.ReadingsFiles;
import org.p2penergy.collector.importer.CsvTraceFormat;
import org.p2penergy.collector.importer.CsvTraceReader;
import org.p2penergy.collector.importer.TimeFormat;
import org.p2penergy.collector.importer.TracePoint;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.home.summary.SummaryJson;

/**
 * Five real refrigerators from five households (tracebase; src/test/resources/real/README.md), each
 * made a home, their two days moved onto 2026-06-10 and 2026-06-11: the job's percentiles of daily
 * kWh must be what an independent computation over the same files gives, DuckDB SQL with {@code
 * quantile_cont} (linear interpolation) over daily kWh integrated in SQL by the same rules.
 */
class RealCommunityPeersIT {
  private static final Path REAL = Path.of("src/test/resources/real");
  private static final LocalDate FIRST = LocalDate.of(2026, 6, 10);
  private static final CsvTraceFormat NAIVE_AS_UTC =
      new CsvTraceFormat(
          ';', false, "1", TimeFormat.of("dd/MM/yyyy HH:mm:ss"), ZoneOffset.UTC, "2");

  /** home id, device id, the two files. */
  private static final List<String[]> FRIDGES =
      List.of(
          new String[] {
            "fr-1",
            "f00000000000000000599393",
            "tracebase/Refrigerator/dev_599393_2012.01.11.csv",
            "tracebase/Refrigerator/dev_599393_2012.01.12.csv"
          },
          new String[] {
            "fr-2",
            "f0000000000000000076c07f",
            "community/Refrigerator/dev_76C07F_2012.06.11.csv",
            "community/Refrigerator/dev_76C07F_2012.06.12.csv"
          },
          new String[] {
            "fr-3",
            "f0000000000000000098c08a",
            "community/Refrigerator/dev_98C08A_2011.08.10.csv",
            "community/Refrigerator/dev_98C08A_2011.08.11.csv"
          },
          new String[] {
            "fr-4",
            "f000000000000000000d3213",
            "community/Refrigerator/dev_D32131_2012.05.15.csv",
            "community/Refrigerator/dev_D32131_2012.05.16.csv"
          },
          new String[] {
            "fr-5",
            "f000000000000000000d325d",
            "community/Refrigerator/dev_D325D9_2012.06.11.csv",
            "community/Refrigerator/dev_D325D9_2012.06.12.csv"
          });

  @TempDir Path dir;

  @Test
  void percentilesOfRealFridgesAreWhatAnIndependentComputationGives() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(dir.resolve("homes"));
    Map<String, Integer> maxGapS = new LinkedHashMap<>();
    List<String> homes = new ArrayList<>();
    for (String[] f : FRIDGES) {
      List<Reading> readings = new ArrayList<>();
      List<Long> spacing = new ArrayList<>();
      for (int day = 0; day < 2; day++) {
        List<TracePoint> points =
            new CsvTraceReader(NAIVE_AS_UTC).readAll(REAL.resolve(f[2 + day]));
        LocalDate fileDay = points.get(0).ts().atZone(ZoneOffset.UTC).toLocalDate();
        long shift = ChronoUnit.DAYS.between(fileDay, FIRST.plusDays(day));
        Instant previous = null;
        for (TracePoint p : points) {
          Instant t = p.ts().plus(Duration.ofDays(shift));
          readings.add(new Reading(f[1], "power", t, t, p.value()));
          if (previous != null && t.isAfter(previous))
            spacing.add(Duration.between(previous, t).toMillis());
          previous = t;
        }
      }
      spacing.sort(null);
      // 5 x the fridge's own median spacing, whole seconds, at least 5 s (real sensors jitter).
      int gap = (int) Math.max(5, Math.ceil(5 * spacing.get(spacing.size() / 2) / 1000.0));
      maxGapS.put(f[1], gap);
      ReadingsFiles.write(data, f[0], readings);
      Files.writeString(
          dir.resolve("homes/" + f[0] + ".yaml"),
          "home: {id: "
              + f[0]
              + ", name: Household "
              + f[0]
              + ", timezone: UTC}\n"
              + "tariff: {flat: 0.30}\nappliances:\n  - {device_id: "
              + f[1]
              + ", name: Fridge, kind: fridge, max_gap_s: "
              + gap
              + "}\n");
      homes.add("homes/" + f[0] + ".yaml");
    }
    Path community =
        Files.writeString(
            dir.resolve("community.yaml"),
            "community: {name: Darmstadt fridges}\npeers: {min_homes: 5, min_coverage: 0}\n"
                + "storage: {url: data}\nhomes: ["
                + String.join(", ", homes)
                + "]\n");
    CommandRun.Result run =
        CommandRun.run(
            new AnalyticsMain(),
            "analyze",
            "--community",
            community.toString(),
            "--from",
            FIRST.toString(),
            "--to",
            FIRST.plusDays(1).toString());
    assertThat(run.code()).as(run.err()).isZero();

    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      for (int day = 0; day < 2; day++) {
        LocalDate date = FIRST.plusDays(day);
        String sql = independentDailyKwh(data, maxGapS, date);
        double p20;
        double median;
        double mean;
        long n;
        try (ResultSet rs =
            s.executeQuery(
                "SELECT quantile_cont(kwh, 0.2), quantile_cont(kwh, 0.5), avg(kwh), count(*)"
                    + " FROM ("
                    + sql
                    + ")")) {
          rs.next();
          p20 = rs.getDouble(1);
          median = rs.getDouble(2);
          mean = rs.getDouble(3);
          n = rs.getLong(4);
        }
        assertThat(n).isEqualTo(5);
        for (String[] f : FRIDGES) {
          DaySummary summary =
              SummaryJson.read(
                  Files.readString(data.resolve("reports/" + f[0] + "/" + date + "/summary.json")));
          DaySummary.Peer kwh =
              summary.peers().stream()
                  .filter(p -> p.metric().equals("kwh") && p.period().equals("day"))
                  .findFirst()
                  .orElseThrow(() -> new AssertionError("no comparison for " + f[0] + " " + date));
          assertThat(kwh.homes()).isEqualTo(5);
          assertThat(kwh.appliances()).isEqualTo(5);
          assertThat(kwh.p20()).as("p20 " + date).isCloseTo(p20, within(1e-9 * Math.max(1, p20)));
          assertThat(kwh.median())
              .as("median " + date)
              .isCloseTo(median, within(1e-9 * Math.max(1, median)));
          assertThat(kwh.mean())
              .as("mean " + date)
              .isCloseTo(mean, within(1e-9 * Math.max(1, mean)));
        }
      }
    }
  }

  /**
   * Daily kWh per fridge on {@code date} (UTC), in DuckDB SQL written apart from the job: each
   * (device, event, ts) once, 5.5 W floor clamped at 0, left rule, no charge across a gap longer
   * than the fridge's max gap, intervals cut at midnight.
   */
  private static String independentDailyKwh(Path data, Map<String, Integer> gaps, LocalDate date) {
    StringBuilder params = new StringBuilder();
    gaps.forEach(
        (d, g) ->
            params
                .append(params.length() == 0 ? "" : ", ")
                .append("('")
                .append(d)
                .append("', ")
                .append(g)
                .append(")"));
    long day = date.toEpochDay();
    long d0 = day * 86_400_000_000L;
    long d1 = d0 + 86_400_000_000L;
    return String.format(
        Locale.ROOT,
        """
        WITH p(device_id, gap_s) AS (VALUES %1$s),
        dedup AS (
          SELECT device_id, ts, value FROM read_parquet('%2$s/readings/*/*/*.parquet')
          WHERE value IS NOT NULL
          QUALIFY row_number() OVER (PARTITION BY device_id, event, ts ORDER BY value) = 1
        ), steps AS (
          SELECT d.device_id, epoch_us(ts) AS t0,
                 lead(epoch_us(ts)) OVER (PARTITION BY d.device_id ORDER BY ts) AS t1,
                 greatest(value - 5.5, 0) AS w, p.gap_s * 1000000 AS gap_us
          FROM dedup d JOIN p USING (device_id)
        )
        SELECT device_id,
               sum(w * (least(t1, %4$d) - greatest(t0, %3$d))) / 1e6 / 3.6e6 AS kwh
        FROM steps
        WHERE t1 IS NOT NULL AND t1 - t0 <= gap_us AND t1 > %3$d AND t0 < %4$d
        GROUP BY device_id
        """,
        params,
        data,
        d0,
        d1);
  }
}
