package org.p2penergy.collector.cli;

import org.p2penergy.collector.importer.ImportCommand;
import org.p2penergy.collector.simulate.SimulateCommand;
import org.p2penergy.collector.stream.CollectCommand;
import org.p2penergy.collector.upload.UploadCommand;
import org.p2penergy.home.cli.Cli;
import picocli.CommandLine.Command;

/** Entry point of the collector module's commands; {@code bin/p2penergy} dispatches here. */
@Command(
    name = "p2penergy",
    mixinStandardHelpOptions = true,
    version = "p2penergy 0.1.0",
    subcommands = {
      CollectCommand.class,
      SimulateCommand.class,
      ImportCommand.class,
      UploadCommand.class
    })
public final class CollectorMain {
  public static void main(String[] args) {
    Cli.main(new CollectorMain(), args);
  }
}
