package org.p2penergy.reports.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.p2penergy.home.config.MailSettings;

/**
 * Sends a report over SMTP with the home's settings, retrying temporary failures with backoff. The
 * password is resolved only when the server needs it and appears in no message this class makes.
 */
public final class SmtpMailer implements Mailer {
  private final MailSettings settings;
  private final Map<String, String> environment;
  private final RetryPolicy retry;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Consumer<String> progress;
  private final Optional<String> trustedHosts;

  public SmtpMailer(
      MailSettings settings,
      Map<String, String> environment,
      RetryPolicy retry,
      Sleeper sleeper,
      Clock clock,
      Consumer<String> progress,
      Optional<String> trustedHosts) {
    this.settings = settings;
    this.environment = environment;
    this.retry = retry;
    this.sleeper = sleeper;
    this.clock = clock;
    this.progress = progress;
    this.trustedHosts = trustedHosts;
  }

  /** A mailer that trusts the hosts named by the {@value SmtpSessions#TRUST_PROPERTY} property. */
  public static SmtpMailer standard(
      MailSettings settings, RetryPolicy retry, Clock clock, Consumer<String> progress) {
    return new SmtpMailer(
        settings,
        System.getenv(),
        retry,
        Sleeper.real(),
        clock,
        progress,
        Optional.ofNullable(System.getProperty(SmtpSessions.TRUST_PROPERTY)));
  }

  /**
   * Sends the mail.
   *
   * @throws MailDeliveryException after the last attempt, or at once for a permanent rejection
   */
  @Override
  public void send(OutgoingMail mail) {
    // Resolving here (not in the config loader) keeps a missing password from breaking commands
    // that never send mail; a ConfigException names the variable or file, never the value.
    String password =
        settings.username().isPresent()
            ? settings.password().orElseThrow().resolve(environment)
            : null;
    Session session = SmtpSessions.create(settings, trustedHosts);
    MimeMessage message = build(session, mail);
    String where = settings.host() + ":" + settings.port() + " (" + settings.security() + ")";
    progress.accept(
        "sending "
            + mail.attachment().getFileName()
            + " to "
            + String.join(", ", mail.to())
            + " via "
            + where);
    for (int attempt = 1; ; attempt++) {
      try {
        deliver(session, message, password);
        progress.accept("sent to " + String.join(", ", mail.to()));
        return;
      } catch (MessagingException e) {
        boolean temporary = SmtpFailures.isTemporary(e);
        String reason = SmtpFailures.describe(e, password);
        if (!temporary || attempt >= retry.attempts()) {
          String tries = attempt == 1 ? "" : " after " + attempt + " attempts";
          throw new MailDeliveryException(
              "email not sent"
                  + tries
                  + " via "
                  + where
                  + ": "
                  + reason
                  + "; the report is kept at "
                  + mail.attachment().toAbsolutePath(),
              temporary,
              mail.attachment());
        }
        Duration wait = retry.delayBefore(attempt + 1);
        progress.accept(
            "attempt "
                + attempt
                + " of "
                + retry.attempts()
                + " failed ("
                + reason
                + "); retrying in "
                + wait.toSeconds()
                + " s");
        try {
          sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new MailDeliveryException(
              "email not sent (interrupted); the report is kept at "
                  + mail.attachment().toAbsolutePath(),
              true,
              mail.attachment());
        }
      }
    }
  }

  private void deliver(Session session, MimeMessage message, String password)
      throws MessagingException {
    try (Transport transport = session.getTransport("smtp")) {
      transport.connect(
          settings.host(), settings.port(), settings.username().orElse(null), password);
      transport.sendMessage(message, message.getAllRecipients());
    }
  }

  private static InternetAddress address(String text, String what) {
    try {
      return new InternetAddress(text, true);
    } catch (AddressException e) {
      throw new MailDeliveryException(
          what + " '" + text + "' is not an email address", false, null);
    }
  }

  private MimeMessage build(Session session, OutgoingMail mail) {
    byte[] pdf;
    try {
      pdf = Files.readAllBytes(mail.attachment());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + mail.attachment(), e);
    }
    try {
      MimeMessage message = new MimeMessage(session);
      message.setFrom(address(settings.from(), "mail.from"));
      for (String to : mail.to()) {
        message.addRecipient(Message.RecipientType.TO, address(to, "recipient"));
      }
      message.setSubject(mail.subject(), "UTF-8");
      message.setSentDate(Date.from(clock.instant()));
      MimeBodyPart text = new MimeBodyPart();
      text.setText(mail.body(), "UTF-8");
      MimeBodyPart attachment = new MimeBodyPart();
      attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
      attachment.setFileName(mail.attachment().getFileName().toString());
      attachment.setDisposition(MimeBodyPart.ATTACHMENT);
      message.setContent(new MimeMultipart(text, attachment));
      message.saveChanges();
      return message;
    } catch (MessagingException e) {
      throw new IllegalArgumentException("cannot build the email: " + e.getMessage(), e);
    }
  }
}
