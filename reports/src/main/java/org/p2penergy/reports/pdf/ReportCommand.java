package org.p2penergy.reports.pdf;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "report", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class ReportCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("report: not built yet");
    return 1;
  }
}
