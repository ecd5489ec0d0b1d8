package org.p2penergy.reports.mail;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until this command is built. */
@Command(name = "email", mixinStandardHelpOptions = true, description = "(not built yet)")
public final class EmailCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.err.println("email: not built yet");
    return 1;
  }
}
