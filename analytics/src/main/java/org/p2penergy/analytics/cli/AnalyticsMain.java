package org.p2penergy.analytics.cli;

import org.p2penergy.home.cli.Cli;
import picocli.CommandLine.Command;

/** Entry point of the analytics commands; {@code bin/p2penergy} dispatches here. */
@Command(
    name = "p2penergy",
    mixinStandardHelpOptions = true,
    version = "p2penergy 0.1.0",
    subcommands = {AnalyzeCommand.class, SqlCommand.class})
public final class AnalyticsMain {
  public static void main(String[] args) {
    Cli.main(new AnalyticsMain(), args);
  }
}
