package org.p2penergy.reports.mail;

/** Sends one report email; {@link SmtpMailer} is the real one. */
public interface Mailer {
  /**
   * @throws MailDeliveryException when it could not be sent (the attachment is left where it is)
   */
  void send(OutgoingMail mail);
}
