package org.p2penergy.analytics.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "analyze", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class AnalyzeCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("analyze: not built yet");
    return 1;
  }
}
