package org.p2penergy.reports.nightly;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.p2penergy.home.config.CommunityLoader;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.io.FolderLock;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.reports.mail.Mailer;
import org.p2penergy.reports.mail.RetryPolicy;
import org.p2penergy.reports.mail.SmtpMailer;
import org.p2penergy.reports.store.ReportStore;
import picocli.CommandLine.ArgGroup;
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
      "With --community: one analyze of every home, then each home's reports, each mailed to"
          + " its own mail.to; a home whose file is broken or whose mail server fails does not"
          + " stop the others.",
      "State: DATA/state/nightly/HOME.json, per home. First run: yesterday only (or --since)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:all done, or nothing to do",
      "2:bad options or config",
      "3:an email was not sent (the PDF is kept; retried next run)",
      "4:a report could not be rendered",
      "5:analyze failed (later days wait for the next run)",
      "6:another nightly run is in progress",
      "7:a home's file could not be read: that home was skipped (--community)"
    })
public final class NightlyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "the data folder (readings/, reports/, state/; default with --community: its storage"
              + " url, a local folder; for an s3:// storage, required: the local folder for the"
              + " nightly's state and the PDFs' copies)")
  Path data;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  static final class Source {
    @Option(names = "--config", paramLabel = "FILE", description = "home config (p2penergy.yaml)")
    Path config;

    @Option(
        names = "--community",
        paramLabel = "FILE",
        description = "a community.yaml: every home it lists, analysed in one job")
    Path community;
  }

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
          "the analytics command, split at spaces; --data --config --date/--from --to are appended (default: $P2PENERGY_HOME/bin/p2penergy analyze; for a cluster e.g. 'bin/spark-submit --master spark://host:7077 --class org.p2penergy.analytics.cli.AnalyticsMain analytics/target/p2penergy-analytics-0.1.0-SNAPSHOT-spark-submit.jar analyze')")
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
  private final RetryPolicy retries;

  public NightlyCommand() {
    this(Clock.systemUTC(), System.getenv());
  }

  /** For tests: a fixed "now" and environment. */
  public NightlyCommand(Clock clock, Map<String, String> environment) {
    this(clock, environment, RetryPolicy.DEFAULT);
  }

  /** For tests: also how failed emails are retried (the default waits minutes). */
  NightlyCommand(Clock clock, Map<String, String> environment, RetryPolicy retries) {
    this.clock = clock;
    this.environment = environment;
    this.retries = retries;
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Consumer<String> progress =
        line -> {
          out.println("nightly: " + line);
          out.flush();
        };
    if (source.community != null) {
      return community(progress, out);
    }
    Path config = source.config;
    HomeConfig home = ConfigLoader.load(config);
    requireFolder(data);
    Duration graceTime = grace == null ? home.collector().roll().plusMinutes(10) : grace;
    LocalDate lastComplete =
        NightlyPlan.lastCompleteDay(clock.instant(), home.home().timezone(), graceTime);
    Analyzer analyzer =
        new ChildProcessAnalyzer(
            ChildProcessAnalyzer.command(analyzeCommand, environment),
            data.toString(),
            List.of("--config", config.toString()),
            // The launcher that started this run has built the jars: no build at 2 am.
            Map.of("P2PENERGY_NO_BUILD", "1"),
            analyzeOutput(out));
    Optional<Mailer> mailer = mailer(home, progress);
    NightlyStateStore store = new NightlyStateStore(data, home.home().id());
    return locked(
        data,
        progress,
        () -> {
          List<LocalDate> days =
              NightlyPlan.days(store.load(), lastComplete, Optional.ofNullable(since));
          NightlyRun run =
              new NightlyRun(
                  data,
                  home,
                  analyzer,
                  Reporter.pdf(data, home.home().id()),
                  mailer,
                  store,
                  progress);
          return run.run(days).exitCode();
        });
  }

  private int community(Consumer<String> progress, PrintWriter out) throws IOException {
    CommunityLoader.Tolerant loaded = CommunityLoader.loadTolerant(source.community);
    if (data == null && ReportStore.isRemote(loaded.community())) {
      // A temporary folder would forget what was sent: the next run would send it again.
      throw new UserException(
          "the community's storage is an s3:// store: give --data DIR, the local folder for the"
              + " nightly's state and the PDFs' copies");
    }
    try (ReportStore store =
        ReportStore.open(data, loaded.community(), source.community, environment)) {
      return community(store, loaded, progress, out);
    }
  }

  private int community(
      ReportStore store,
      CommunityLoader.Tolerant loaded,
      Consumer<String> progress,
      PrintWriter out)
      throws IOException {
    List<String> analyze = ChildProcessAnalyzer.command(analyzeCommand, environment);
    CommunityNightly.Parts parts =
        new CommunityNightly.Parts() {
          @Override
          public Analyzer analyzer(Path community) {
            return new ChildProcessAnalyzer(
                analyze,
                store.analyzeData(),
                List.of("--community", community.toString(), "--skip-broken-homes"),
                Map.of("P2PENERGY_NO_BUILD", "1"),
                analyzeOutput(out));
          }

          @Override
          public Optional<Mailer> mailer(HomeConfig home) {
            return NightlyCommand.this.mailer(
                home, line -> progress.accept(home.home().id() + ": " + line));
          }
        };
    return locked(
        store.folder(),
        progress,
        () ->
            new CommunityNightly(
                    store,
                    source.community,
                    loaded,
                    clock,
                    Optional.ofNullable(grace),
                    Optional.ofNullable(since),
                    parts,
                    progress)
                .run());
  }

  private Optional<Mailer> mailer(HomeConfig home, Consumer<String> progress) {
    if (noEmail) {
      return Optional.empty();
    }
    return home.mail()
        .map(
            m ->
                (Mailer)
                    SmtpMailer.standard(m, retries, clock, l -> progress.accept("email: " + l)));
  }

  private static Consumer<String> analyzeOutput(PrintWriter out) {
    return line -> {
      out.println("  analyze | " + line);
      out.flush();
    };
  }

  private static void requireFolder(Path data) {
    if (data == null) {
      throw new UserException("missing required option --data DIR");
    }
    if (!Files.isDirectory(data)) {
      throw new UserException(data + ": no such data folder");
    }
  }

  /** Runs {@code work} holding the data folder's nightly lock, for the whole run. */
  private static int locked(
      Path data, Consumer<String> progress, java.util.function.IntSupplier work)
      throws IOException {
    Path file = data.resolve(DataLayout.nightlyLock());
    try (FolderLock lock = FolderLock.tryLock(file)) {
      if (lock == null) {
        progress.accept("another nightly run holds " + file + "; not starting");
        return NightlyOutcome.ALREADY_RUNNING;
      }
      return work.getAsInt();
    } catch (NightlyStateException e) {
      throw new UserException(e.getMessage());
    }
  }
}
