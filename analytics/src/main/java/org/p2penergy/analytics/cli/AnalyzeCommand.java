package org.p2penergy.analytics.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.analytics.energy.IntegrationRule;
import org.p2penergy.analytics.job.AnalyzeRequest;
import org.p2penergy.analytics.job.EnergyJob;
import org.p2penergy.analytics.job.JobOptions;
import org.p2penergy.analytics.job.SparkSessions;
import org.p2penergy.home.cli.LocalDateConverter;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.ConfigException;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.layout.DataLayout;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code analyze}: the Spark job for one local day or a range of them. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Energy, cost, states and cycles, standby, anomalies and coverage per appliance and local day:"
          + " writes DATA/analytics/{daily,hourly,states,anomalies}/home=H/date=D/ and"
          + " DATA/reports/H/D/summary.json. Re-running a date replaces its outputs.",
      "Runs Spark in local mode unless started by spark-submit (which sets the master)."
    })
public final class AnalyzeCommand implements Callable<Integer> {
  static final int MAX_DAYS = 3660;

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "data directory with readings/ (a local path or a Hadoop URI)")
  String data;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "the home's p2penergy.yaml (zone, tariff, appliances)")
  Path config;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Days days;

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
    HomeConfig home;
    String yaml;
    try {
      home = ConfigLoader.load(config);
      yaml = Files.readString(config);
    } catch (ConfigException e) {
      throw new UserException(e.getMessage());
    }
    DataDir.checkLocal(data, DataLayout.READINGS);
    PrintWriter err = spec.commandLine().getErr();
    long started = System.nanoTime();
    err.println(
        "analyze: "
            + from
            + (from.equals(to) ? "" : " .. " + to)
            + " for "
            + home.home().name()
            + " ("
            + home.home().timezone()
            + "); starting Spark");
    err.flush();
    try (SparkSession spark = SparkSessions.create("p2penergy analyze")) {
      DataDir.check(data, spark.sparkContext().hadoopConfiguration());
      EnergyJob job =
          new EnergyJob(
              spark,
              Clock.systemUTC(),
              line -> {
                err.println("analyze: " + line);
                err.flush();
              });
      EnergyJob.Outcome outcome =
          job.run(AnalyzeRequest.ofHome(data, home, yaml, from, to, rule, standbyPercentile));
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
}
