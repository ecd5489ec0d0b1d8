package org.p2penergy.analytics.job;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.LongAccumulator;
import org.p2penergy.analytics.job.AnalyzeRequest.HomeInput;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.home.summary.DaySummary;
import scala.Tuple2;

/**
 * The analytics job for every home of a run at once: readings of local days [from, to] (each home
 * in its own zone) to the four output tables and one summary.json per home and day. The readings
 * are read on the executors, a home's files by one task ({@link HomePass}: the files are already
 * one home and one UTC date each, so nothing is shuffled), and so are the results: the tables and
 * the summaries are written from the executors. The driver holds what is O(homes): the list of
 * homes and their configs, the file list, counts.
 */
public final class EnergyJob {
  /** What a run did; {@code summaries} are the paths written (one per home and day). */
  public record Outcome(
      long deviceDays,
      long anomalies,
      List<String> summaries,
      List<InputFiles.Unreadable> unreadable) {}

  /** Spark's message when a file fails while it is read (FAILED_READ_FILE). */
  private static final Pattern FAILED_FILE =
      Pattern.compile("(?:reading file|Could not read footer for file:?)\\s+(\\S+?\\.parquet)");

  /** A corrupt file past its footer is named and left out; this many tries at most. */
  private static final int TRIES = 5;

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
    // Spark's default of 200 shuffle partitions is for big inputs: a home-day has a few dozen
    // rows per output table, and 200 tasks per stage cost seconds each on two cores.
    spark.conf().set("spark.sql.shuffle.partitions", Integer.toString(partitions(request)));
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<HomeInput> homes = request.homes();
    List<String> ids = homes.stream().map(HomeInput::id).toList();
    String dataDir = request.dataDir();
    String run =
        clock.instant().toEpochMilli() + "-" + UUID.randomUUID().toString().substring(0, 8);

    progress.accept("[1/5] checking readings files of " + count(homes.size(), "home"));
    Map<String, InputFiles.HomeFiles> files = scan(request, hadoop);
    List<InputFiles.Unreadable> unreadable = new ArrayList<>();
    files.values().forEach(f -> unreadable.addAll(f.unreadable()));
    for (InputFiles.Unreadable u : unreadable) {
      progress.accept("  unreadable file, left out: " + u.path() + " (" + u.reason() + ")");
    }
    progress.accept(
        "  "
            + files.values().stream().mapToInt(InputFiles.HomeFiles::count).sum()
            + " files, "
            + unreadable.size()
            + " unreadable");

    progress.accept("[2/5] energy, states and cycles per device and day");
    Map<String, String> yaml = new LinkedHashMap<>();
    homes.forEach(h -> yaml.put(h.id(), h.yaml()));
    Broadcast<HomeConfigs> configs = sc.broadcast(new HomeConfigs(yaml));
    // One row per home: what the history of the days before the run is joined with.
    Dataset<Row> homeTable = spark.createDataset(ids, Encoders.STRING()).toDF("home");
    JobOptions options = new JobOptions(configs, request.rule(), request.standbyPercentile());
    JavaRDD<HomeDeviceDay> results = null;
    long deviceDays = 0;
    for (int attempt = 1; ; attempt++) {
      results = compute(request, files, options);
      try {
        deviceDays = results.count(); // computes and caches the results once
        break;
      } catch (RuntimeException e) {
        results.unpersist(false);
        Optional<String> bad = failedFile(e);
        if (bad.isEmpty() || attempt == TRIES || !leaveOut(files, bad.get(), e, unreadable)) {
          throw e;
        }
        progress.accept(
            "  unreadable file, left out: " + bad.get() + " (" + firstLine(e) + "); again");
      }
    }
    progress.accept("  " + deviceDays + " device-days");

    progress.accept("[3/5] writing analytics/daily, hourly, states");
    OutputTables tables = new OutputTables(spark, dataDir, hadoop, run);
    if (homes.size() == 1 && homes.get(0).legacyLayout()) {
      int adopted = tables.adoptLegacyPartitions(ids.get(0));
      if (adopted > 0) {
        progress.accept(
            "  moved " + adopted + " partitions of the older layout under " + ids.get(0));
      }
    }
    tables.stage(
        OutputTables.DAILY,
        spark.createDataFrame(results.map(ResultRows::daily), OutputTables.DAILY_SCHEMA));
    tables.stage(
        OutputTables.HOURLY,
        spark.createDataFrame(
            results.flatMap(d -> ResultRows.hourly(d, configs.value().of(d.home())).iterator()),
            OutputTables.HOURLY_SCHEMA));
    tables.stage(
        OutputTables.STATES,
        spark.createDataFrame(
            results.flatMap(d -> ResultRows.states(d).iterator()), OutputTables.STATES_SCHEMA));

    progress.accept("[4/5] anomalies and reports/<home>/<date>/summary.json");
    LongAccumulator anomalies = spark.sparkContext().longAccumulator("anomalies");
    Map<String, List<InputFiles.Unreadable>> unreadableByHome = new HashMap<>();
    files.forEach((home, f) -> unreadableByHome.put(home, List.copyOf(f.unreadable())));
    SummaryStage summaries =
        new SummaryStage(
            dataDir,
            configs,
            new HadoopConf(hadoop),
            request.from(),
            request.to(),
            clock.instant(),
            unreadableByHome,
            anomalies,
            request
                .comparison()
                .map(
                    c ->
                        new DaySummary.Community(
                            c.community(), c.peers().minHomes(), c.peers().minCoverage())));
    JavaPairRDD<String, Boolean> allHomes =
        sc.parallelize(ids, Math.max(1, Math.min(ids.size(), sc.defaultParallelism() * 4)))
            .mapToPair(h -> new Tuple2<>(h, Boolean.TRUE));
    JavaPairRDD<String, HomeHistory> history =
        tables
            .history(homeTable, request.from().minusDays(29), request.from().minusDays(1))
            .javaRDD()
            .mapToPair(
                r ->
                    new Tuple2<>(
                        r.getString(0),
                        new HomeHistory(
                            r.getString(0),
                            new HistoryRow(
                                r.getLocalDate(1),
                                r.getString(2),
                                r.getString(3),
                                r.getDouble(4),
                                r.getDouble(5)))));
    JavaPairRDD<String, PeerRow> peers = JavaPairRDD.fromJavaRDD(sc.emptyRDD());
    if (request.comparison().isPresent()) {
      PeerStage.Result compared =
          PeerStage.compute(
              spark,
              results,
              tables.peerHistory(
                  homeTable, request.from().minusDays(31), request.from().minusDays(1)),
              configs,
              request.comparison().get().peers(),
              request.from(),
              request.to());
      tables.stagePeers(compared.table());
      peers = compared.byHome();
    }
    JavaRDD<Row> anomalyRows =
        allHomes
            .cogroup(results.mapToPair(d -> new Tuple2<>(d.home(), d)), history, peers)
            .map(t -> new SummaryStage.HomeRun(t._1(), t._2()._2(), t._2()._3(), t._2()._4()))
            .flatMap(summaries);
    tables.stage(
        OutputTables.ANOMALIES, spark.createDataFrame(anomalyRows, OutputTables.ANOMALIES_SCHEMA));
    progress.accept("  " + anomalies.value() + " anomalies");

    progress.accept("[5/5] replacing the run's dates in the tables");
    tables.replace(ids, request.from(), request.to(), request.comparison().isPresent());
    results.unpersist(false);
    configs.destroy();
    List<String> written = new ArrayList<>();
    for (String home : ids) {
      for (LocalDate d = request.from(); !d.isAfter(request.to()); d = d.plusDays(1)) {
        written.add(new Path(dataDir, DataLayout.of(home).summary(d)).toString());
      }
    }
    return new Outcome(deviceDays, anomalies.value(), written, unreadable);
  }

  private Map<String, InputFiles.HomeFiles> scan(AnalyzeRequest request, Configuration hadoop)
      throws IOException {
    List<InputFiles.Wanted> wanted = new ArrayList<>();
    for (HomeInput h : request.homes()) {
      ZoneId zone = h.config().home().timezone();
      Duration edge = HomeWindow.maxGap(h.config());
      Instant start = request.from().atStartOfDay(zone).toInstant().minus(edge);
      Instant end = request.to().plusDays(1).atStartOfDay(zone).toInstant().plus(edge);
      wanted.add(new InputFiles.Wanted(h.id(), utcDate(start), utcDate(end), h.legacyLayout()));
    }
    return InputFiles.scan(request.dataDir(), wanted, hadoop);
  }

  private JavaRDD<HomeDeviceDay> compute(
      AnalyzeRequest request, Map<String, InputFiles.HomeFiles> files, JobOptions options) {
    List<HomePass.Unit> units =
        HomePass.units(request.homes(), files, request.from(), request.to());
    JavaSparkContext sc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return sc.parallelize(units, Math.max(1, Math.min(units.size(), partitions(request))))
        .mapPartitions(
            new HomePass(options, new HadoopConf(spark.sparkContext().hadoopConfiguration())))
        .persist(StorageLevel.MEMORY_AND_DISK());
  }

  /**
   * Enough partitions that each holds a dozen device-days or so (a pass keeps its groups in memory
   * at once), at least two per core, and no more than the input needs: a single home-day gets a
   * handful, not Spark's default 200.
   */
  private int partitions(AnalyzeRequest request) {
    long days = request.to().toEpochDay() - request.from().toEpochDay() + 1;
    long deviceDays = 0;
    for (HomeInput h : request.homes()) {
      deviceDays += days * Math.max(3, h.config().appliances().size());
    }
    int cores = spark.sparkContext().defaultParallelism();
    return (int) Math.max(cores * 2L, Math.min(deviceDays / 12, 4000));
  }

  /** The file a failed read names, if the failure (or a cause) names one. */
  static Optional<String> failedFile(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      Matcher m = FAILED_FILE.matcher(String.valueOf(t.getMessage()));
      if (m.find()) return Optional.of(m.group(1));
    }
    return Optional.empty();
  }

  /** Moves a file that failed while read to the unreadable ones; false if it is not an input. */
  private static boolean leaveOut(
      Map<String, InputFiles.HomeFiles> files,
      String path,
      Throwable e,
      List<InputFiles.Unreadable> unreadable) {
    String name = new Path(path).toUri().getPath();
    for (Map.Entry<String, InputFiles.HomeFiles> entry : files.entrySet()) {
      InputFiles.HomeFiles f = entry.getValue();
      List<String> own = without(f.files(), name);
      List<String> legacy = without(f.legacyFiles(), name);
      if (own.size() + legacy.size() < f.count()) {
        String matched =
            f.files().size() > own.size()
                ? removed(f.files(), own)
                : removed(f.legacyFiles(), legacy);
        InputFiles.Unreadable u = new InputFiles.Unreadable(matched, firstLine(e));
        List<InputFiles.Unreadable> bad = new ArrayList<>(f.unreadable());
        bad.add(u);
        unreadable.add(u);
        entry.setValue(new InputFiles.HomeFiles(own, legacy, bad));
        return true;
      }
    }
    return false;
  }

  private static List<String> without(List<String> files, String path) {
    return files.stream().filter(f -> !new Path(f).toUri().getPath().equals(path)).toList();
  }

  private static String removed(List<String> all, List<String> kept) {
    return all.stream().filter(f -> !kept.contains(f)).findFirst().orElseThrow();
  }

  /** The root cause's first line, without Spark's stage and task details. */
  private static String firstLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String m = String.valueOf(root.getMessage());
    return m.lines().filter(l -> !l.isBlank()).findFirst().orElse(root.getClass().getSimpleName());
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static LocalDate utcDate(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate();
  }

  /** Kept for the tests of the single-home job. */
  static Duration maxGap(HomeConfig config) {
    return HomeWindow.maxGap(config);
  }
}
