package org.p2penergy.analytics.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.analytics.energy.IntegrationRule;
import org.p2penergy.analytics.job.AnalyzeRequest;
import org.p2penergy.analytics.job.DuckDbDailyKwh;
import org.p2penergy.analytics.job.EnergyJob;
import org.p2penergy.home.config.ConfigLoader;

/**
 * {@code AnalyticsBenchmark DATA_DIR DEVICES DAYS}: generates the readings if DATA_DIR has none,
 * then times the analyze job and DuckDB computing the same daily kWh on the same files, in one run.
 * See docs/BENCHMARKS.md.
 */
public final class AnalyticsBenchmark {
  static final LocalDate START = LocalDate.of(2026, 1, 1);
  static final String CONFIG = "home: {name: Benchmark, timezone: UTC}\ntariff: {flat: 0.15}\n";

  public static void main(String[] args) throws Exception {
    String data = args[0];
    int devices = Integer.parseInt(args[1]);
    int days = Integer.parseInt(args[2]);
    SparkSession spark =
        SparkSession.builder()
            .appName("benchmark")
            .master("local[*]")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    long rows = (long) devices * days * 86_400;
    if (!Files.isDirectory(Path.of(data, "readings"))) {
      long t0 = System.nanoTime();
      SyntheticReadings.write(spark, data, devices, days, START);
      System.out.printf(Locale.ROOT, "generate: %,d readings in %.1f s%n", rows, secs(t0));
    }
    LocalDate to = START.plusDays(days - 1);
    long c1 = cpu();
    long t1 = System.nanoTime();
    new EnergyJob(
            spark,
            Clock.systemUTC(),
            line -> System.out.printf(Locale.ROOT, "  %6.1f s analyze: %s%n", secs(t1), line))
        .run(
            AnalyzeRequest.ofHome(
                data, ConfigLoader.parse(CONFIG), CONFIG, START, to, IntegrationRule.LEFT, 10));
    double analyze = secs(t1);
    double analyzeCpu = (cpu() - c1) / 1e9;
    Map<String, Double> job = new HashMap<>();
    for (Row r : spark.read().parquet(data + "/analytics/daily").collectAsList()) {
      job.put(r.getAs("device_id") + " " + r.getLocalDate(r.fieldIndex("date")), r.getAs("kwh"));
    }
    spark.stop();
    long c2 = cpu();
    long t2 = System.nanoTime();
    Map<String, Double> duck = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(DuckDbDailyKwh.sql(data, 5.5, 60))) {
      while (rs.next()) {
        duck.put(rs.getString(1) + " " + LocalDate.ofEpochDay(rs.getLong(2)), rs.getDouble(3));
      }
    }
    double duckdb = secs(t2);
    double duckdbCpu = (cpu() - c2) / 1e9;
    double worst = 0;
    for (Map.Entry<String, Double> e : job.entrySet()) {
      Double d = duck.get(e.getKey());
      worst = Math.max(worst, d == null ? 1 : Math.abs(e.getValue() / d - 1));
    }
    System.out.printf(
        Locale.ROOT,
        "readings %,d (%d devices × %d days): analyze %.1f s (CPU %.1f s), DuckDB %.1f s (CPU"
            + " %.1f s), wall ratio %.2f, CPU ratio %.2f; %d device-days, worst relative"
            + " difference %.2e; load average %.1f%n",
        rows,
        devices,
        days,
        analyze,
        analyzeCpu,
        duckdb,
        duckdbCpu,
        analyze / duckdb,
        analyzeCpu / duckdbCpu,
        job.size(),
        worst,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /** CPU time of the whole process (all threads, DuckDB's native ones too): load-independent. */
  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
