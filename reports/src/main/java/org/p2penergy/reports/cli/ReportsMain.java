package org.p2penergy.reports.cli;

import org.p2penergy.home.cli.Cli;
import org.p2penergy.reports.demo.DemoCommand;
import org.p2penergy.reports.mail.EmailCommand;
import org.p2penergy.reports.nightly.NightlyCommand;
import org.p2penergy.reports.pdf.ReportCommand;
import picocli.CommandLine.Command;

/** Entry point of the report commands; {@code bin/p2penergy} dispatches here. */
@Command(
    name = "p2penergy",
    mixinStandardHelpOptions = true,
    version = "p2penergy 0.1.0",
    subcommands = {
      ReportCommand.class,
      EmailCommand.class,
      NightlyCommand.class,
      DemoCommand.class
    })
public final class ReportsMain {
  public static void main(String[] args) {
    Cli.main(new ReportsMain(), args);
  }
}
