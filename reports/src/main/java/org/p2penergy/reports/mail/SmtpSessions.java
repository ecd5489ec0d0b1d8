package org.p2penergy.reports.mail;

import jakarta.mail.Session;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.p2penergy.home.config.MailSettings;

/** Jakarta Mail session properties for the home's {@code mail:} settings. */
final class SmtpSessions {
  /**
   * Hosts whose TLS certificate is accepted without checking (a self-signed test server). Only a
   * system property sets it, never the home config: production mail keeps full certificate checks.
   */
  static final String TRUST_PROPERTY = "p2penergy.mail.ssl.trust";

  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
  static final Duration IO_TIMEOUT = Duration.ofSeconds(60);

  private SmtpSessions() {}

  static Session create(MailSettings settings, Optional<String> trustedHosts) {
    Properties p = new Properties();
    p.put("mail.transport.protocol", "smtp");
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", Integer.toString(settings.port()));
    p.put("mail.smtp.connectiontimeout", Long.toString(CONNECT_TIMEOUT.toMillis()));
    p.put("mail.smtp.timeout", Long.toString(IO_TIMEOUT.toMillis()));
    p.put("mail.smtp.writetimeout", Long.toString(IO_TIMEOUT.toMillis()));
    p.put("mail.smtp.auth", Boolean.toString(settings.username().isPresent()));
    switch (settings.security()) {
      case STARTTLS -> {
        // Required, not just enabled: never fall back to sending the password in the clear.
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
      }
      case SMTPS -> p.put("mail.smtp.ssl.enable", "true");
      case NONE -> {}
    }
    if (settings.security() != MailSettings.Security.NONE) {
      p.put("mail.smtp.ssl.checkserveridentity", "true");
    }
    trustedHosts.ifPresent(
        hosts -> {
          p.put("mail.smtp.ssl.trust", hosts);
          p.put("mail.smtp.ssl.checkserveridentity", "false");
        });
    return Session.getInstance(p);
  }
}
