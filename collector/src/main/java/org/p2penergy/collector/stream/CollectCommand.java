package org.p2penergy.collector.stream;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "collect", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class CollectCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("collect: not built yet");
    return 1;
  }
}
