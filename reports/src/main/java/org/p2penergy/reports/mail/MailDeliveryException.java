package org.p2penergy.reports.mail;

import java.nio.file.Path;

/**
 * The report could not be sent. The message is one line, says why and where the kept PDF is, and
 * never contains the password. Exit code {@link #EXIT_CODE}.
 */
public final class MailDeliveryException extends RuntimeException {
  public static final int EXIT_CODE = 3;

  private final boolean temporary;
  private final Path keptReport;

  public MailDeliveryException(String message, boolean temporary, Path keptReport) {
    super(message);
    this.temporary = temporary;
    this.keptReport = keptReport;
  }

  /** True when a later try may succeed (server down, 4xx); false for rejections (auth, 5xx). */
  public boolean temporary() {
    return temporary;
  }

  public Path keptReport() {
    return keptReport;
  }
}
