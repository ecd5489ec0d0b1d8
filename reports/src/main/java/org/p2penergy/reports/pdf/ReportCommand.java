package org.p2penergy.reports.pdf;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Callable;
import org.p2penergy.home.cli.LocalDateConverter;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.CommunityLoader;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.reports.store.ReportStore;
import org.p2penergy.reports.summary.SummaryUnavailableException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code p2penergy report}: renders the PDF for a day, week or month and prints its path. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Render the PDF report of a local day, week or month from the summary.json",
      "files written by 'analyze' (DIR/reports/H/D/summary.json). Prints the PDF's path.",
      "The home H: --home, else the config's home.id, else the only home in DIR/reports/.",
      "With --community: every home's PDF, one 'HOME: PATH' line each; a home that",
      "cannot be reported is named and the others are still done. With an s3:// storage",
      "the summaries are read from the store and each PDF is put back beside its summary."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written",
      "2:bad options or config, or (one home) no summary for the period",
      "4:a home's report could not be rendered (--community; the others were)",
      "7:a home's file could not be read: that home was skipped (--community)"
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "the data directory (required, except with --community: its storage url; for an"
              + " s3:// storage, the local folder for the PDFs' copies, default a temporary one)")
  Path data;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "D",
      converter = LocalDateConverter.class,
      description = "the (last) local day of the report, YYYY-MM-DD")
  LocalDate date;

  @Option(
      names = "--period",
      defaultValue = "day",
      paramLabel = "day|week|month",
      description = {
        "day: D; week: the 7 days ending D; month: the 1st of D's month to D (default: ${DEFAULT-VALUE})"
      })
  ReportPeriod period;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description =
          "where to write the PDF: a new path or a regular file (default:"
              + " DIR/reports/H/D/report-<period>.pdf; not with --community)")
  Path out;

  @ArgGroup(exclusive = true)
  Which which = new Which();

  static final class Which {
    @Option(names = "--home", paramLabel = "ID", description = "the home to report on")
    String home;

    @Option(
        names = "--config",
        paramLabel = "FILE",
        description = "or the home's p2penergy.yaml (its home.id)")
    Path config;

    @Option(
        names = "--community",
        paramLabel = "FILE",
        description = "or a community.yaml: every home it lists")
    Path community;
  }

  private final Map<String, String> environment;

  public ReportCommand() {
    this(System.getenv());
  }

  /** For tests: the environment the store's keys are read from. */
  public ReportCommand(Map<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() {
    PrintWriter printed = spec.commandLine().getOut();
    if (which.community != null) {
      if (out != null) {
        throw new UserException(
            "--out names one file; with --community each home's PDF goes to"
                + " DIR/reports/H/D/report-<period>.pdf");
      }
      CommunityLoader.Tolerant loaded = CommunityLoader.loadTolerant(which.community);
      try (ReportStore store =
          ReportStore.open(data, loaded.community(), which.community, environment)) {
        return new CommunityReports(store, loaded).render(date, period, printed::println);
      }
    }
    if (data == null) {
      throw new UserException("missing required option --data DIR");
    }
    RenderedReport report;
    try {
      report = new ReportRenderer().render(data, home(), date, period, out);
    } catch (SummaryUnavailableException | ReportException e) {
      throw new UserException(e.getMessage());
    }
    printed.println(report.pdf());
    printed.flush();
    return 0;
  }

  private String home() {
    if (which.home != null) return which.home;
    if (which.config != null) return ConfigLoader.load(which.config).home().id();
    return ReportHomes.only(data);
  }
}
