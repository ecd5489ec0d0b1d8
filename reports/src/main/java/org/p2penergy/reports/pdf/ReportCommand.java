package org.p2penergy.reports.pdf;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.p2penergy.home.cli.LocalDateConverter;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.reports.summary.SummaryUnavailableException;
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
      "The home H: --home, else the config's home.id, else the only home in DIR/reports/."
    })
public final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "the data directory")
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
              + " DIR/reports/H/D/report-<period>.pdf)")
  Path out;

  @Option(names = "--home", paramLabel = "ID", description = "the home to report on")
  String home;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "or the home's p2penergy.yaml (its home.id)")
  Path config;

  private String home() {
    if (home != null) return home;
    if (config != null) return ConfigLoader.load(config).home().id();
    return ReportHomes.only(data);
  }

  @Override
  public Integer call() {
    RenderedReport report;
    try {
      report = new ReportRenderer().render(data, home(), date, period, out);
    } catch (SummaryUnavailableException | ReportException e) {
      throw new UserException(e.getMessage());
    }
    spec.commandLine().getOut().println(report.pdf());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
