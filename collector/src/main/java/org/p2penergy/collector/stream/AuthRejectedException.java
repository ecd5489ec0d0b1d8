package org.p2penergy.collector.stream;

/** The cloud answered 401 or 403: retrying cannot help, the token must change. */
public final class AuthRejectedException extends Exception {
  private final int status;

  public AuthRejectedException(int status) {
    super("HTTP " + status);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
