package org.p2penergy.collector.simulate;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "simulate", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class SimulateCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("simulate: not built yet");
    return 1;
  }
}
