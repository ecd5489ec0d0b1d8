package org.p2penergy.reports.nightly;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.p2penergy.home.cli.DurationConverter;
import org.p2penergy.home.cli.LocalDateConverter;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.reports.mail.Mailer;
import org.p2penergy.reports.mail.RetryPolicy;
import org.p2penergy.reports.mail.SmtpMailer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code p2penergy nightly}: analyze, report and email every complete day not yet done. */
@Command(
    name = "nightly",
    mixinStandardHelpOptions = true,
    description = {
      "Analyze, report and email every complete local day (home time zone) not yet done, oldest"
          + " first: catches up missed nights, never sends a report twice, retries a failed email"
          + " on the next run. Week reports on Sundays' runs (sent Monday) and month reports on"
          + " the month's last day (sent on the 1st) when the config's reports: block asks.",
      "State: DATA/state/nightly.json. First run: yesterday only (or --since)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all done, or nothing to do",
      "2:bad options or config",
      "3:an email was not sent (the PDF is kept; retried next run)",
      "4:a report could not be rendered",
      "5:analyze failed (later days wait for the next run)",
      "6:another nightly run is in progress"
    })
public final class NightlyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "DIR",
      description = "the data folder (readings/, reports/, state/)")
  Path data;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "home config (p2penergy.yaml)")
  Path config;

  @Option(
      names = "--since",
      converter = LocalDateConverter.class,
      paramLabel = "DATE",
      description =
          "work on days from DATE (YYYY-MM-DD) that are not done yet (default: the day after the last one done; on a first run yesterday)")
  LocalDate since;

  @Option(
      names = "--analyze-command",
      paramLabel = "CMD",
      description =
          "the analytics command, split at spaces; --data --config --date/--from --to are appended (default: $P2PENERGY_HOME/bin/p2penergy analyze; for a cluster e.g. 'bin/spark-submit --master spark://host:7077 analyze')")
  String analyzeCommand;

  @Option(
      names = "--grace",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description =
          "a day counts as complete this long after its midnight, so the collector has rolled its last readings (default: the collector roll interval + 10m)")
  Duration grace;

  @Option(
      names = "--no-email",
      description =
          "render reports but do not email them (they are emailed by a later run without this flag)")
  boolean noEmail;

  private final Clock clock;
  private final Map<String, String> environment;

  public NightlyCommand() {
    this(Clock.systemUTC(), System.getenv());
  }

  /** For tests: a fixed "now" and environment. */
  public NightlyCommand(Clock clock, Map<String, String> environment) {
    this.clock = clock;
    this.environment = environment;
  }

  @Override
  public Integer call() throws IOException {
    HomeConfig home = ConfigLoader.load(config);
    if (!Files.isDirectory(data)) {
      throw new UserException(data + ": no such data folder");
    }
    PrintWriter out = spec.commandLine().getOut();
    Consumer<String> progress =
        line -> {
          out.println("nightly: " + line);
          out.flush();
        };
    Duration graceTime = grace == null ? home.collector().roll().plusMinutes(10) : grace;
    LocalDate lastComplete =
        NightlyPlan.lastCompleteDay(clock.instant(), home.home().timezone(), graceTime);
    Analyzer analyzer =
        new ChildProcessAnalyzer(
            ChildProcessAnalyzer.command(analyzeCommand, environment),
            data,
            config,
            // The launcher that started this run has built the jars: no build at 2 am.
            Map.of("P2PENERGY_NO_BUILD", "1"),
            line -> {
              out.println("  analyze | " + line);
              out.flush();
            });
    Optional<Mailer> mailer =
        noEmail
            ? Optional.empty()
            : home.mail()
                .map(
                    m ->
                        (Mailer)
                            SmtpMailer.standard(
                                m,
                                RetryPolicy.DEFAULT,
                                clock,
                                l -> progress.accept("email: " + l)));
    NightlyStateStore store = new NightlyStateStore(data, home.home().id());
    Files.createDirectories(lockFile(data).getParent());
    try (FileChannel channel =
            FileChannel.open(lockFile(data), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel)) {
      if (lock == null) {
        progress.accept("another nightly run holds " + lockFile(data) + "; not starting");
        return NightlyOutcome.ALREADY_RUNNING;
      }
      List<LocalDate> days =
          NightlyPlan.days(store.load(), lastComplete, Optional.ofNullable(since));
      NightlyRun run =
          new NightlyRun(
              data, home, analyzer, Reporter.pdf(data, home.home().id()), mailer, store, progress);
      return run.run(days).exitCode();
    } catch (NightlyStateException e) {
      throw new UserException(e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile(data), e);
    }
  }

  private static Path lockFile(Path data) {
    return data.resolve(DataLayout.nightlyLock());
  }

  /** Null when another run (another process, or this JVM in tests) holds the lock. */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }
}
