package org.p2penergy.home.config;

import java.util.List;
import java.util.Optional;

/**
 * SMTP settings for the nightly email. No username means no authentication; the password is read
 * from {@code password} only when it is needed.
 */
public record MailSettings(
    String host,
    int port,
    Security security,
    Optional<String> username,
    Optional<SecretSource> password,
    String from,
    List<String> to) {

  /** How the connection is protected: none, upgraded with STARTTLS, or TLS from the start. */
  public enum Security {
    NONE,
    STARTTLS,
    SMTPS
  }

  public MailSettings {
    to = List.copyOf(to);
  }
}
