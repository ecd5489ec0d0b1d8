package org.p2penergy.home.cli;

import java.io.PrintWriter;
import org.p2penergy.home.config.ConfigException;
import org.p2penergy.home.text.Redact;
import picocli.CommandLine;

/**
 * Runs a picocli command the way every p2penergy command runs: a user mistake is one line on stderr
 * and exit code 2 (a {@link ConfigException} too); every message passes {@link Redact#text} first;
 * an unexpected failure is one line with its type (the stack trace only with {@code
 * P2PENERGY_DEBUG=1}) and exit code 1. This is the only place errors become exit codes.
 */
public final class Cli {
  public static final int INTERNAL_ERROR = 1;

  private Cli() {}

  public static CommandLine commandLine(Object command) {
    CommandLine cli = new CommandLine(command);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println(ex.getCommandLine().getCommandName() + ": " + oneLine(ex.getMessage()));
          err.println(
              "(try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
          err.flush();
          return UserException.USAGE;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          String name = commandLine.getCommandName();
          if (ex instanceof UserException user) {
            err.println(name + ": " + oneLine(user.getMessage()));
            err.flush();
            return user.exitCode();
          }
          if (ex instanceof ConfigException config) {
            err.println(name + ": " + oneLine(config.getMessage()));
            err.flush();
            return UserException.USAGE;
          }
          err.println(name + ": unexpected error: " + oneLine(ex.toString()));
          if ("1".equals(System.getenv("P2PENERGY_DEBUG"))) {
            ex.printStackTrace(err);
          } else {
            err.println("(set P2PENERGY_DEBUG=1 for the stack trace)");
          }
          err.flush();
          return INTERNAL_ERROR;
        });
    return cli;
  }

  /**
   * What reaches the terminal: the redacted first non-blank line (a message that quotes a URL or a
   * value from the user may carry a secret; some library messages start with a line break).
   */
  static String oneLine(String message) {
    String text = message == null ? "" : message;
    String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    return Redact.text(line);
  }

  /** Parses, runs and exits the JVM with the command's exit code. */
  public static void main(Object command, String[] args) {
    System.exit(commandLine(command).execute(args));
  }
}
