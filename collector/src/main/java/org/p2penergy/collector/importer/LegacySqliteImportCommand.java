package org.p2penergy.collector.importer;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder; the stream branch replaces it with the real importer. */
@Command(name = "legacy-sqlite", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class LegacySqliteImportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("import legacy-sqlite: not built yet");
    return 1;
  }
}
