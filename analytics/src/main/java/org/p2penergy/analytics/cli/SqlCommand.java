package org.p2penergy.analytics.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "sql", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class SqlCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("sql: not built yet");
    return 1;
  }
}
