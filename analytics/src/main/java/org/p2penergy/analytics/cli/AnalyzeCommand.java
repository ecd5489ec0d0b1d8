package org.p2penergy.analytics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.analytics.energy.IntegrationRule;
import org.p2penergy.analytics.job.AnalyzeRequest;
import org.p2penergy.analytics.job.EnergyJob;
import org.p2penergy.analytics.job.JobOptions;
import org.p2penergy.analytics.job.SparkSessions;
import org.p2penergy.analytics.job.StorageAccess;
import org.p2penergy.home.cli.LocalDateConverter;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.CommunityConfig;
import org.p2penergy.home.config.CommunityLoader;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.home.layout.DataLayout;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code analyze}: the Spark job for one home or a whole community, for a day or a range. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Energy, cost, states and cycles, standby, anomalies and coverage per appliance and local day:"
          + " writes DATA/analytics/{daily,hourly,states,anomalies}/home=H/date=D/ and"
          + " DATA/reports/H/D/summary.json. Re-running a date replaces its outputs.",
      "One home (--config) or every home of a community in one job (--community), each in its own"
          + " time zone. Runs Spark in local mode unless started by spark-submit (which sets the"
          + " master)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the job failed (the message says why)",
      "2:bad options or config",
      "6:another analyze is running on this data folder"
    })
public final class AnalyzeCommand implements Callable<Integer> {
  static final int MAX_DAYS = 3660;
  static final int BUSY = 6;

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "data directory with readings/ (a local path, s3://bucket/p as in a storage block, or a"
              + " Hadoop URI such as s3a://bucket/p;"
              + " default: the storage.url of the config or community file)")
  String data;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "one home's p2penergy.yaml (zone, tariff, appliances)")
    Path config;

    @Option(
        names = "--community",
        paramLabel = "FILE",
        description = "a community.yaml: every home it lists, in one job")
    Path community;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Days days;

  @Option(
      names = "--skip-broken-homes",
      description =
          "with --community: a home whose file cannot be read is named and left out, the others"
              + " are analysed (nightly runs use it)")
  boolean skipBrokenHomes;

  static final class Days {
    @Option(
        names = "--date",
        paramLabel = "D",
        converter = LocalDateConverter.class,
        description = "one local day, YYYY-MM-DD")
    LocalDate date;

    @ArgGroup(exclusive = false)
    Range range;
  }

  static final class Range {
    @Option(
        names = "--from",
        required = true,
        paramLabel = "D",
        converter = LocalDateConverter.class,
        description = "first local day (inclusive)")
    LocalDate from;

    @Option(
        names = "--to",
        required = true,
        paramLabel = "D",
        converter = LocalDateConverter.class,
        description = "last local day (inclusive)")
    LocalDate to;
  }

  @Option(
      names = "--integration",
      defaultValue = "left",
      paramLabel = "RULE",
      description =
          "left: each reading holds until the next; trapezoid: linear between readings"
              + " (default: ${DEFAULT-VALUE})")
  IntegrationRule rule;

  @Option(
      names = "--standby-percentile",
      defaultValue = "10",
      paramLabel = "P",
      description =
          "standby (always-on) power is this percentile of the day's readings (default: ${DEFAULT-VALUE})")
  double standbyPercentile = JobOptions.DEFAULT_STANDBY_PERCENTILE;

  @Override
  public Integer call() throws IOException {
    LocalDate from = days.date != null ? days.date : days.range.from;
    LocalDate to = days.date != null ? days.date : days.range.to;
    if (to.isBefore(from)) {
      throw new UserException("--to " + to + " is before --from " + from);
    }
    if (from.plusDays(MAX_DAYS).isBefore(to)) {
      throw new UserException("at most " + MAX_DAYS + " days in one run");
    }
    if (standbyPercentile < 0 || standbyPercentile > 100) {
      throw new UserException("--standby-percentile must be between 0 and 100");
    }
    CommunityConfig community;
    if (source.community != null) {
      CommunityLoader.Tolerant loaded =
          skipBrokenHomes
              ? CommunityLoader.loadTolerant(source.community)
              : new CommunityLoader.Tolerant(CommunityLoader.load(source.community), List.of());
      loaded
          .brokenHomes()
          .forEach(b -> spec.commandLine().getErr().println("analyze: left out: " + b));
      community = loaded.community();
      if (community.homes().isEmpty()) {
        throw new UserException(source.community + ": no home file could be read");
      }
    } else {
      community = CommunityConfig.of(ConfigLoader.load(source.config), source.config);
    }
    Optional<StorageSettings> storage = community.storage();
    String dataDir =
        data != null
            ? StorageSettings.hadoopPath(data)
            : storage.map(StorageSettings::hadoopRoot).orElse(null);
    if (dataDir == null) {
      throw new UserException(
          "missing --data DIR (or a storage: block with url in " + community.file() + ")");
    }
    List<AnalyzeRequest.HomeInput> homes = new ArrayList<>();
    for (CommunityConfig.Member m : community.homes()) {
      homes.add(
          new AnalyzeRequest.HomeInput(
              m.config(), Files.readString(m.file()), source.community == null));
    }
    Optional<AnalyzeRequest.Comparison> comparison =
        source.community != null
            ? Optional.of(new AnalyzeRequest.Comparison(community.name(), community.peers()))
            : Optional.empty();
    AnalyzeRequest request =
        new AnalyzeRequest(dataDir, homes, comparison, from, to, rule, standbyPercentile);
    DataDir.checkLocal(dataDir, DataLayout.READINGS);
    PrintWriter err = spec.commandLine().getErr();
    try (AnalyzeLock lock = AnalyzeLock.take(dataDir)) {
      if (lock == null) {
        throw new UserException(
            "another analyze is running on "
                + dataDir
                + " (it holds "
                + AnalyzeLock.file(dataDir)
                + ")",
            BUSY);
      }
      return run(request, storage, err, describe(community, source.community != null));
    }
  }

  private int run(
      AnalyzeRequest request, Optional<StorageSettings> storage, PrintWriter err, String what)
      throws IOException {
    long started = System.nanoTime();
    LocalDate from = request.from();
    LocalDate to = request.to();
    err.println(
        "analyze: "
            + from
            + (from.equals(to) ? "" : " .. " + to)
            + " for "
            + what
            + "; starting Spark");
    err.flush();
    try (SparkSession spark = SparkSessions.create("p2penergy analyze")) {
      err.println(
          String.format(
              Locale.ROOT,
              "analyze: Spark ready in %.1f s (%s)",
              (System.nanoTime() - started) / 1e9,
              spark.sparkContext().master()));
      if (storage.isPresent() && request.dataDir().startsWith("s3a://")) {
        StorageAccess.configure(
            spark.sparkContext().hadoopConfiguration(), storage.get(), System.getenv());
      }
      DataDir.check(request.dataDir(), spark.sparkContext().hadoopConfiguration());
      EnergyJob job =
          new EnergyJob(
              spark,
              Clock.systemUTC(),
              line -> {
                // Each step with the time it started at: where a night's seconds go.
                err.println(
                    line.startsWith("[")
                        ? String.format(
                            Locale.ROOT,
                            "analyze: %s (at %.1f s)",
                            line,
                            (System.nanoTime() - started) / 1e9)
                        : "analyze: " + line);
                err.flush();
              });
      EnergyJob.Outcome outcome = job.run(request);
      err.println(
          String.format(
              Locale.ROOT,
              "analyze: done in %.1f s: %d device-days, %d anomalies, %d unreadable files",
              (System.nanoTime() - started) / 1e9,
              outcome.deviceDays(),
              outcome.anomalies(),
              outcome.unreadable().size()));
      outcome.summaries().forEach(spec.commandLine().getOut()::println);
      spec.commandLine().getOut().flush();
    }
    return 0;
  }

  private static String describe(CommunityConfig c, boolean isCommunity) {
    if (!isCommunity) {
      var home = c.homes().get(0).config().home();
      return home.name() + " (" + home.timezone() + ")";
    }
    return c.name() + " (" + c.homes().size() + (c.homes().size() == 1 ? " home)" : " homes)");
  }
}
