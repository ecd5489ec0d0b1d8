package org.p2penergy.collector.importer;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code import}: backfill readings from recorded traces, through the collector's own writer. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = "Backfill readings into DATA/readings from CSV traces or a legacy database.",
    subcommands = {CsvImportCommand.class, LegacySqliteImportCommand.class})
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }
}
