package org.p2penergy.analytics.job;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.analytics.energy.Finding;
import org.p2penergy.analytics.energy.HighConsumption;
import org.p2penergy.analytics.energy.HumanTime;
import org.p2penergy.home.config.Appliance;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.home.summary.SummaryJson;

/**
 * The analytics job: readings of local days [from, to] to the four output tables and one
 * summary.json a day. The readings stay in Spark (scan, filter, shuffle by device-day, sorted
 * pass); only the per-device-day results, which are small, come to the driver.
 */
public final class EnergyJob {
  /** What a run did. */
  public record Outcome(
      int deviceDays,
      int anomalies,
      List<String> summaries,
      List<InputFiles.Unreadable> unreadable) {}

  private final SparkSession spark;
  private final Clock clock;
  private final Consumer<String> progress;

  public EnergyJob(SparkSession spark, Clock clock, Consumer<String> progress) {
    this.spark = spark;
    this.clock = clock;
    this.progress = progress;
  }

  public Outcome run(AnalyzeRequest request) throws IOException {
    SparkSessions.configureForJob(spark);
    HomeConfig config = request.config();
    ZoneId zone = config.home().timezone();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Duration edge = maxGap(config);
    Instant start = request.from().atStartOfDay(zone).toInstant();
    Instant end = request.to().plusDays(1).atStartOfDay(zone).toInstant();

    progress.accept("[1/5] checking readings files");
    String home = config.home().id();
    InputFiles.Scan scan =
        InputFiles.scan(
            request.dataDir(), home, utcDate(start.minus(edge)), utcDate(end.plus(edge)), hadoop);
    for (InputFiles.Unreadable u : scan.unreadable()) {
      progress.accept("  unreadable file, left out: " + u.path() + " (" + u.reason() + ")");
    }
    progress.accept(
        "  "
            + scan.files().size()
            + " files in "
            + scan.partitions()
            + " UTC partitions, "
            + scan.unreadable().size()
            + " unreadable");

    progress.accept("[2/5] energy, states and cycles per device and day");
    List<DeviceDayResult> results = compute(request, scan, edge);
    results = new ArrayList<>(results);
    results.sort(
        Comparator.comparing(DeviceDayResult::date).thenComparing(DeviceDayResult::deviceId));
    progress.accept("  " + results.size() + " device-days");

    progress.accept("[3/5] writing analytics/daily, hourly, states");
    OutputTables tables = new OutputTables(spark, request.dataDir(), home, hadoop);
    int adopted = tables.adoptLegacyPartitions();
    if (adopted > 0) {
      progress.accept("  moved " + adopted + " partitions of the older layout under home=" + home);
    }
    tables.clear(request.from(), request.to());
    tables.writeDaily(results);
    tables.writeHourly(results, config);
    tables.writeStates(results);

    progress.accept("[4/5] anomalies");
    List<HistoryRow> history = tables.history(request.from().minusDays(29), request.to());
    DataQualityFiles side = new DataQualityFiles(request.dataDir(), home, hadoop);
    List<AnomalyRow> anomalies = new ArrayList<>();
    for (DeviceDayResult r : results) {
      for (Finding f : r.findings()) {
        anomalies.add(new AnomalyRow(r.date(), r.deviceId(), r.appliance(), f));
      }
      highConsumption(r, history, config).ifPresent(anomalies::add);
    }
    for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(1)) {
      for (Outage o : side.outages(dayStart(d, zone), dayStart(d.plusDays(1), zone))) {
        anomalies.add(outageAnomaly(d, o, zone));
      }
    }
    anomalies.sort(
        Comparator.comparing(AnomalyRow::date)
            .thenComparingLong(a -> a.finding().startUs())
            .thenComparing(AnomalyRow::deviceId));
    tables.writeAnomalies(anomalies);
    progress.accept("  " + anomalies.size() + " anomalies");

    progress.accept("[5/5] writing reports/" + home + "/<date>/summary.json");
    List<String> summaries = new ArrayList<>();
    SummaryBuilder builder = new SummaryBuilder(config);
    for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(1)) {
      LocalDate day = d;
      Instant ds = dayStart(d, zone);
      Instant de = dayStart(d.plusDays(1), zone);
      SummaryInput summary =
          new SummaryInput(
              d,
              clock.instant(),
              results.stream().filter(r -> r.date().equals(day)).toList(),
              anomalies.stream().filter(a -> a.date().equals(day)).toList(),
              history.stream()
                  .filter(h -> !h.date().isAfter(day) && !h.date().isBefore(day.minusDays(29)))
                  .toList(),
              side.outages(ds, de),
              side.quarantine(ds, de),
              unreadableFor(scan, utcDate(ds.minus(edge)), utcDate(de.plus(edge))));
      Path file = new Path(request.dataDir(), DataLayout.of(home).summary(d));
      writeAtomically(file, SummaryJson.write(builder.build(summary)), hadoop);
      summaries.add(file.toString());
    }
    return new Outcome(results.size(), anomalies.size(), summaries, scan.unreadable());
  }

  private List<DeviceDayResult> compute(
      AnalyzeRequest request, InputFiles.Scan scan, Duration edge) {
    JobOptions options =
        new JobOptions(request.configYaml(), request.rule(), request.standbyPercentile());
    // Enough partitions that each holds a few dozen device-days at most (each pass keeps its
    // groups in memory at once), at least two per core.
    long days = request.to().toEpochDay() - request.from().toEpochDay() + 1;
    int partitions =
        (int) Math.max(spark.sparkContext().defaultParallelism() * 2L, Math.min(days, 2000));
    return ReadingsInput.tagged(
            ReadingsInput.load(spark, scan.files()),
            request.config(),
            request.from(),
            request.to(),
            edge)
        .repartition(partitions, col("device_id"), col("day"))
        .sortWithinPartitions("key")
        .queryExecution()
        .toRdd()
        .toJavaRDD()
        .mapPartitions(new DeviceDayPass(options))
        .collect();
  }

  private static java.util.Optional<AnomalyRow> highConsumption(
      DeviceDayResult r, List<HistoryRow> history, HomeConfig config) {
    List<Double> previous =
        history.stream()
            .filter(h -> h.deviceId().equals(r.deviceId()))
            .filter(h -> h.date().isBefore(r.date()))
            .filter(h -> !h.date().isBefore(r.date().minusDays(HighConsumption.LOOKBACK_DAYS)))
            .map(HistoryRow::kwh)
            .toList();
    ZoneId zone = config.home().timezone();
    return HighConsumption.check(r.kwh(), previous, config.anomalies().highDayFactor())
        .map(
            detail ->
                new AnomalyRow(
                    r.date(),
                    r.deviceId(),
                    r.appliance(),
                    new Finding(
                        Finding.HIGH_CONSUMPTION,
                        micros(dayStart(r.date(), zone)),
                        micros(dayStart(r.date().plusDays(1), zone)),
                        detail)));
  }

  private static AnomalyRow outageAnomaly(LocalDate d, Outage o, ZoneId zone) {
    double seconds = Duration.between(o.start(), o.end()).toMillis() / 1e3;
    String detail =
        "collector outage of "
            + HumanTime.of(seconds)
            + (o.reason().isBlank() ? "" : ": " + o.reason());
    return new AnomalyRow(
        d,
        "",
        AnomalyRow.COLLECTOR,
        new Finding(Finding.DATA_GAP, micros(o.start()), micros(o.end()), detail));
  }

  private static List<InputFiles.Unreadable> unreadableFor(
      InputFiles.Scan scan, LocalDate fromUtc, LocalDate toUtc) {
    return scan.unreadable().stream()
        .filter(
            u -> {
              return DataLayout.dateOf(u.path())
                  .map(d -> !d.isBefore(fromUtc) && !d.isAfter(toUtc))
                  .orElse(true);
            })
        .toList();
  }

  /** The widest max gap: how far outside the days readings can still matter. */
  static Duration maxGap(HomeConfig config) {
    Duration edge = Appliance.DEFAULT_MAX_GAP;
    for (Appliance a : config.appliances()) {
      if (a.maxGap().compareTo(edge) > 0) {
        edge = a.maxGap();
      }
    }
    return edge;
  }

  private static void writeAtomically(Path file, String text, Configuration conf)
      throws IOException {
    FileSystem fs = file.getFileSystem(conf);
    Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
    try (OutputStream out = fs.create(tmp, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    fs.delete(file, false);
    if (!fs.rename(tmp, file)) {
      throw new IOException("cannot rename " + tmp + " to " + file);
    }
  }

  static Instant dayStart(LocalDate d, ZoneId zone) {
    return d.atStartOfDay(zone).toInstant();
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000L);
  }

  private static LocalDate utcDate(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
