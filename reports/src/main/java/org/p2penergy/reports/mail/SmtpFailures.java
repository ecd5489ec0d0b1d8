package org.p2penergy.reports.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * Tells a temporary SMTP failure (worth retrying: the server is down or answered 4xx) from a
 * permanent one (wrong password, 5xx rejection, TLS trouble), and turns it into a short reason.
 */
public final class SmtpFailures {
  private SmtpFailures() {}

  public static boolean isTemporary(Throwable failure) {
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof AuthenticationFailedException || t instanceof SSLException) {
        return false;
      }
      int code = smtpCode(t);
      if (code > 0) {
        return code >= 400 && code < 500;
      }
      if (t instanceof ConnectException
          || t instanceof SocketTimeoutException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException) {
        return true;
      }
    }
    // A dropped connection in the middle of a conversation: the server may be restarting.
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The SMTP reply code carried by the failure, or 0 if it has none. */
  static int smtpCode(Throwable t) {
    if (t instanceof SMTPSendFailedException e) return e.getReturnCode();
    if (t instanceof SMTPAddressFailedException e) return e.getReturnCode();
    if (t instanceof SMTPSenderFailedException e) return e.getReturnCode();
    return 0;
  }

  /** One line: what went wrong, with the secret (if it ever appears) replaced by stars. */
  public static String describe(Throwable failure, String secret) {
    return redact(reason(failure), secret);
  }

  private static String reason(Throwable failure) {
    Throwable deepest = failure;
    for (Throwable t = failure; t != null; t = next(t)) {
      if (t instanceof AuthenticationFailedException) {
        String server = oneLine(t.getMessage());
        return "authentication failed (check the username and password)"
            + (server.isEmpty() ? "" : "; server said: " + server);
      }
      if (smtpCode(t) > 0) {
        return "server replied " + oneLine(t.getMessage());
      }
      if (t instanceof ConnectException) {
        return "connection refused (" + oneLine(failure.getMessage()) + ")";
      }
      if (t instanceof SocketTimeoutException) {
        return "timed out (" + oneLine(failure.getMessage()) + ")";
      }
      if (t instanceof UnknownHostException) {
        return "unknown host " + oneLine(t.getMessage());
      }
      deepest = t;
    }
    String outer = oneLine(failure.getMessage());
    String inner = oneLine(deepest.getMessage());
    if (deepest == failure || inner.isEmpty() || outer.contains(inner)) {
      return outer.isEmpty() ? failure.getClass().getSimpleName() : outer;
    }
    return outer + " (" + deepest.getClass().getSimpleName() + ": " + inner + ")";
  }

  static String redact(String text, String secret) {
    if (secret == null || secret.isEmpty()) {
      return text;
    }
    return text.replace(secret, "****");
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.strip().replaceAll("\\s+", " ");
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }
}
