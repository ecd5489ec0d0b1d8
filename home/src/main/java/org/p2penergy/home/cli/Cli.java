package org.p2penergy.home.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs a picocli command the way every p2penergy command runs: a user mistake is one line on stderr
 * and exit code 2; an unexpected failure is one line with its type (the stack trace only with
 * {@code P2PENERGY_DEBUG=1}) and exit code 1. This is the only place errors become exit codes.
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
          err.println(ex.getCommandLine().getCommandName() + ": " + ex.getMessage());
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
            err.println(name + ": " + user.getMessage());
            err.flush();
            return user.exitCode();
          }
          err.println(name + ": unexpected error: " + ex);
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

  /** Parses, runs and exits the JVM with the command's exit code. */
  public static void main(Object command, String[] args) {
    System.exit(commandLine(command).execute(args));
  }
}
