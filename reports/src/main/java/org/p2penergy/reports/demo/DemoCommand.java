package org.p2penergy.reports.demo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "demo", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("demo: not built yet");
    return 1;
  }
}
