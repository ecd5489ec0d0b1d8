package org.p2penergy.reports.pdf;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.p2penergy.home.cli.LocalDateConverter;
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
      "files written by 'analyze' (DIR/reports/D/summary.json). Prints the PDF's path."
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
      description = "where to write the PDF (default: DIR/reports/D/report-<period>.pdf)")
  Path out;

  @Override
  public Integer call() {
    RenderedReport report = new ReportRenderer().render(data, date, period, out);
    spec.commandLine().getOut().println(report.pdf());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
