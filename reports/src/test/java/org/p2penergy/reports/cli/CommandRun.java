package org.p2penergy.reports.cli;

import java.io.PrintWriter;
import java.io.Writer;
import org.p2penergy.home.cli.Cli;

/** Runs a command as {@code bin/p2penergy} does (same error handling), capturing what it prints. */
public final class CommandRun {
  private CommandRun() {}

  /** The exit code of {@code command} run with {@code args}; its output goes to out and err. */
  public static int execute(Object command, Writer out, Writer err, String... args) {
    var cli = Cli.commandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
