package org.p2penergy.home.cli;

/**
 * A mistake the user can fix (bad option, missing file, bad config): reported as one line on stderr
 * with exit code {@link #exitCode()}, never as a stack trace.
 */
public class UserException extends RuntimeException {
  public static final int USAGE = 2;

  private final int exitCode;

  public UserException(String message) {
    this(message, USAGE);
  }

  public UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
