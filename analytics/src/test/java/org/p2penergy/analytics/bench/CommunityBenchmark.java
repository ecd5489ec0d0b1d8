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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.analytics.energy.IntegrationRule;
import org.p2penergy.analytics.job.AnalyzeRequest;
import org.p2penergy.analytics.job.EnergyJob;
import org.p2penergy.analytics.job.SparkSessions;
import org.p2penergy.home.config.Appliance;
import org.p2penergy.home.config.CommunityConfig;
import org.p2penergy.home.config.CommunityLoader;

/**
 * The community job at scale, one measurement per fresh JVM (docs/BENCHMARKS.md, "The community
 * job"). DIR is what {@code simulate --homes N --generate DIR} wrote.
 *
 * <ul>
 *   <li>{@code job DIR DATE [no-peers]}: the analyze job for every home (with or without the peer
 *       comparison): wall, process CPU, the fullest heap after a GC, the heap kept after the job.
 *   <li>{@code duckdb DIR DATE}: the same per-home daily kWh in plain DuckDB SQL over the same
 *       files, each home's local day from its own zone; written to DIR/duckdb.csv.
 *   <li>{@code check DIR}: the job's daily kWh against DuckDB's and against expected.csv (the
 *       models' own figures): the worst differences.
 * </ul>
 */
public final class CommunityBenchmark {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    switch (args[0]) {
      case "job" -> job(dir, LocalDate.parse(args[2]), args.length < 4);
      case "duckdb" -> duckdb(dir, LocalDate.parse(args[2]));
      case "check" -> check(dir);
      default -> throw new IllegalArgumentException("job, duckdb or check: " + args[0]);
    }
  }

  private static void job(Path dir, LocalDate date, boolean peers) throws Exception {
    HeapWatch heap = new HeapWatch();
    CommunityConfig community = CommunityLoader.load(dir.resolve("community.yaml"));
    List<AnalyzeRequest.HomeInput> homes = new ArrayList<>();
    for (CommunityConfig.Member m : community.homes()) {
      homes.add(new AnalyzeRequest.HomeInput(m.config(), Files.readString(m.file()), false));
    }
    AnalyzeRequest request =
        new AnalyzeRequest(
            dir.resolve("data").toString(),
            homes,
            peers
                ? Optional.of(new AnalyzeRequest.Comparison(community.name(), community.peers()))
                : Optional.empty(),
            date,
            date,
            IntegrationRule.LEFT,
            10);
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    EnergyJob.Outcome outcome;
    try (SparkSession spark = SparkSessions.create("community benchmark")) {
      double ready = secs(t0);
      outcome =
          new EnergyJob(
                  spark,
                  Clock.systemUTC(),
                  line -> System.out.printf(Locale.ROOT, "  %6.1f s %s%n", secs(t0), line))
              .run(request);
      System.out.printf(Locale.ROOT, "  session ready after %.1f s%n", ready);
    }
    double wall = secs(t0);
    double cpu = (cpu() - cpu0) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "RESULT job%s: %d homes, %d device-days: %.1f s wall, %.1f s CPU, %.0f ms per home;"
            + " heap: fullest after a GC %.0f MB, kept after the job %.0f MB; load %.1f%n",
        peers ? "" : " (no peers)",
        homes.size(),
        outcome.deviceDays(),
        wall,
        cpu,
        wall * 1000 / homes.size(),
        heap.peakAfterGcMb(),
        HeapWatch.retainedMb(),
        load());
  }

  private static void duckdb(Path dir, LocalDate date) throws Exception {
    CommunityConfig community = CommunityLoader.load(dir.resolve("community.yaml"));
    long cpu0 = cpu();
    long t0 = System.nanoTime();
    long rows = 0;
    StringBuilder csv = new StringBuilder("home,device_id,date,kwh\n");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(dailyKwhSql(dir.resolve("data"), community, date))) {
      while (rs.next()) {
        csv.append(rs.getString(1))
            .append(',')
            .append(rs.getString(2))
            .append(',')
            .append(rs.getString(3))
            .append(',')
            .append(rs.getDouble(4))
            .append('\n');
        rows++;
      }
    }
    double wall = secs(t0);
    double cpu = (cpu() - cpu0) / 1e9;
    Files.writeString(dir.resolve("duckdb.csv"), csv);
    System.out.printf(
        Locale.ROOT,
        "RESULT duckdb: %d homes, %d device-days: %.1f s wall, %.1f s CPU, %.0f ms per home;"
            + " load %.1f%n",
        community.homes().size(),
        rows,
        wall,
        cpu,
        wall * 1000 / community.homes().size(),
        load());
  }

  /**
   * Per home, device and local day: duplicates once, each appliance's noise floor subtracted and
   * clamped at 0, the left rule, an interval longer than the appliance's max gap not charged, each
   * interval cut at its home's local midnights (a table of each home's day, from java.time).
   */
  static String dailyKwhSql(Path data, CommunityConfig community, LocalDate date) {
    List<String> days = new ArrayList<>();
    List<String> devices = new ArrayList<>();
    TreeSet<String> events = new TreeSet<>();
    for (CommunityConfig.Member m : community.homes()) {
      var zone = m.config().home().timezone();
      days.add(
          String.format(
              Locale.ROOT,
              "('%s', '%s', %d, %d)",
              m.id(),
              date,
              date.atStartOfDay(zone).toEpochSecond() * 1_000_000,
              date.plusDays(1).atStartOfDay(zone).toEpochSecond() * 1_000_000));
      for (Appliance a : m.config().appliances()) {
        devices.add(
            String.format(
                Locale.ROOT,
                "('%s', '%s', %f, %d)",
                m.id(),
                a.deviceId(),
                a.noiseFloorW(),
                a.maxGap().toMillis() * 1000));
      }
      events.addAll(m.config().powerEvents());
    }
    return String.format(
        Locale.ROOT,
        """
        WITH days(home, day, start_us, end_us) AS (VALUES %2$s),
        devices(home, device_id, floor_w, max_gap_us) AS (VALUES %3$s),
        dedup AS (
          SELECT home, device_id, event, ts, value
          FROM read_parquet('%1$s/readings/*/*/*.parquet', hive_partitioning = true)
          WHERE event IN (%4$s) AND value IS NOT NULL AND NOT isnan(value)
          QUALIFY row_number() OVER (PARTITION BY home, device_id, event, ts ORDER BY value) = 1
        ), steps AS (
          SELECT home, device_id, epoch_us(ts) AS t0,
                 lead(epoch_us(ts)) OVER (PARTITION BY home, device_id ORDER BY ts, event, value)
                   AS t1,
                 value
          FROM dedup
        ), charged AS (
          SELECT s.home, s.device_id, s.t0, s.t1, greatest(s.value - d.floor_w, 0) AS w
          FROM steps s JOIN devices d USING (home, device_id)
          WHERE s.t1 IS NOT NULL AND s.t1 - s.t0 <= d.max_gap_us
        )
        SELECT c.home, c.device_id, d.day,
               sum(c.w * (least(c.t1, d.end_us) - greatest(c.t0, d.start_us))) / 1e6 / 3.6e6
        FROM charged c JOIN days d ON c.home = d.home AND c.t0 < d.end_us AND c.t1 > d.start_us
        GROUP BY ALL
        """,
        data,
        String.join(", ", days),
        String.join(", ", devices),
        events.stream().map(e -> "'" + e + "'").collect(Collectors.joining(", ")));
  }

  private static void check(Path dir) throws Exception {
    Map<String, Double> job = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT home, device_id, CAST(date AS VARCHAR), kwh FROM read_parquet('"
                    + dir.resolve("data/analytics/daily")
                    + "/*/*/*.parquet', hive_partitioning = true)")) {
      while (rs.next()) {
        job.put(rs.getString(1) + "," + rs.getString(2) + "," + rs.getString(3), rs.getDouble(4));
      }
    }
    Map<String, Double> duck = csv(dir.resolve("duckdb.csv"), 3);
    Map<String, Double> expected = new HashMap<>();
    List<String> lines = Files.readAllLines(dir.resolve("expected.csv"));
    for (String line : lines.subList(1, lines.size())) { // home,device_id,kind,date,readings,kwh
      String[] f = line.split(",");
      expected.put(f[0] + "," + f[1] + "," + f[3], Double.parseDouble(f[5]));
    }
    System.out.printf(
        Locale.ROOT,
        "RESULT check: %d device-days in the job, %d in DuckDB, %d expected; worst |job - DuckDB|"
            + " %.1e kWh, worst |job - expected| %.1e kWh%n",
        job.size(),
        duck.size(),
        expected.size(),
        worst(job, duck),
        worst(job, expected));
  }

  private static Map<String, Double> csv(Path file, int valueColumn) throws Exception {
    Map<String, Double> rows = new HashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      rows.put(f[0] + "," + f[1] + "," + f[2], Double.parseDouble(f[valueColumn]));
    }
    return rows;
  }

  /** The largest difference over the keys of either map; a key missing from one is infinite. */
  private static double worst(Map<String, Double> a, Map<String, Double> b) {
    double worst = 0;
    for (String key : a.keySet()) {
      worst = Math.max(worst, b.containsKey(key) ? Math.abs(a.get(key) - b.get(key)) : 1e300);
    }
    return a.size() == b.size() ? worst : 1e300;
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }
}
