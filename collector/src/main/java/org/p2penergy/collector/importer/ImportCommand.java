package org.p2penergy.collector.importer;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "import", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class ImportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("import: not built yet");
    return 1;
  }
}
