package org.p2penergy.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.analytics.energy.IntegrationRule;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.home.config.ConfigLoader;

/**
 * The job's daily kWh against an independent plain-SQL integration by DuckDB over the same readings
 * Parquet: duplicates once, noise floor clamped at 0, left rule, intervals over the max gap not
 * charged, intervals crossing midnight split. Home zone UTC, so whole UTC days compare.
 */
class DuckDbCrossCheckIT {
  private static SparkSession spark;
  @TempDir static Path data;

  static final String CONFIG =
      """
      home: {name: cross-check, timezone: UTC}
      tariff: {flat: 0.2}
      appliances:
        - {device_id: dev-a, name: A, kind: fridge, noise_floor_w: 2, max_gap_s: 30}
        - {device_id: dev-b, name: B, kind: microwave}
      """;

  @BeforeAll
  static void start() {
    spark = TestSpark.start("DuckDbCrossCheckIT");
    ReadingsFiles.write(spark, data, readings());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Three devices, 1-90 s apart (some gaps), from 23:40 before the first day to 00:20 after. */
  static List<Reading> readings() {
    Random random = new Random(42);
    List<Reading> out = new ArrayList<>();
    Instant from = Instant.parse("2026-02-28T23:40:00Z");
    Instant to = Instant.parse("2026-03-03T00:20:00Z");
    for (String device : List.of("dev-a", "dev-b", "dev-c")) {
      long micros = from.getEpochSecond() * 1_000_000L + random.nextInt(1_000_000);
      while (micros < to.getEpochSecond() * 1_000_000L) {
        Instant ts = Instant.ofEpochSecond(micros / 1_000_000L, micros % 1_000_000L * 1000);
        double w = random.nextInt(10) < 7 ? random.nextDouble() * 30 : random.nextDouble() * 2000;
        out.add(new Reading(device, "power", ts, ts, w));
        if (random.nextInt(50) == 0) {
          out.add(new Reading(device, "power", ts, ts, w)); // a duplicate
        }
        if (random.nextInt(80) == 0) {
          out.add(new Reading(device, "rms_current", ts, ts, 12345)); // not power
        }
        micros +=
            1_000_000L + (long) (random.nextDouble() * (random.nextInt(20) == 0 ? 89 : 20) * 1e6);
      }
    }
    Collections.shuffle(out, random);
    return out;
  }

  @Test
  void dailyKwhEqualsDuckDbWithinOnePartPerMillion() throws IOException, SQLException {
    new EnergyJob(spark, Clock.systemUTC(), line -> {})
        .run(
            AnalyzeRequest.ofHome(
                data.toString(),
                ConfigLoader.parse(CONFIG),
                CONFIG,
                LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 2),
                IntegrationRule.LEFT,
                10));
    Map<String, Double> job = new HashMap<>();
    for (Row r : spark.read().parquet(data.resolve("analytics/daily").toString()).collectAsList()) {
      job.put(r.getAs("device_id") + " " + r.getLocalDate(r.fieldIndex("date")), r.getAs("kwh"));
    }
    Map<String, Double> duck = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(DuckDbDailyKwh.sql(data.toString(), "dev-a", 2, 30, 5.5, 60))) {
      while (rs.next()) {
        LocalDate day = LocalDate.ofEpochDay(rs.getLong("day"));
        if (!day.isBefore(LocalDate.of(2026, 3, 1)) && !day.isAfter(LocalDate.of(2026, 3, 2))) {
          duck.put(rs.getString("device_id") + " " + day, rs.getDouble("kwh"));
        }
      }
    }
    assertThat(duck).hasSize(6);
    assertThat(job.keySet()).isEqualTo(duck.keySet());
    for (Map.Entry<String, Double> e : duck.entrySet()) {
      assertThat(e.getValue()).as(e.getKey()).isGreaterThan(0.1);
      assertThat(Math.abs(job.get(e.getKey()) / e.getValue() - 1)).as(e.getKey()).isLessThan(1e-6);
    }
  }
}
