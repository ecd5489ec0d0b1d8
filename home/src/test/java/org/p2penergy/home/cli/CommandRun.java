package org.p2penergy.home.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;

/**
 * Runs a command as {@code bin/p2penergy} does (same error handling, {@link Cli}), capturing what
 * it prints: the one harness of every module's command tests (the home module's test-jar).
 */
public final class CommandRun {
  private CommandRun() {}

  /** What a run printed and returned. */
  public record Result(int code, String out, String err) {
    /** Both streams, for assertions that nothing (a secret, a stack trace) appears anywhere. */
    public String all() {
      return out + err;
    }
  }

  /** The exit code of {@code command} run with {@code args}; its output goes to out and err. */
  public static int execute(Object command, Writer out, Writer err, String... args) {
    var cli = Cli.commandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** Runs {@code command} with {@code args} and returns the exit code and both outputs. */
  public static Result run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = execute(command, out, err, args);
    return new Result(code, out.toString(), err.toString());
  }
}
