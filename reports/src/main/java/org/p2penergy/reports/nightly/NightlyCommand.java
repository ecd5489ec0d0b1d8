package org.p2penergy.reports.nightly;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "nightly", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class NightlyCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("nightly: not built yet");
    return 1;
  }
}
