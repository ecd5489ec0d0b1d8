package org.p2penergy.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class SmtpFailuresTest {
  static MessagingException wrapped(Exception cause) {
    return new MessagingException("Couldn't connect to host, port: 127.0.0.1, 2525", cause);
  }

  static SMTPSendFailedException sendFailed(int code, String text) {
    return new SMTPSendFailedException("DATA", code, text, null, null, null, null);
  }

  @Test
  void connectionRefusedIsTemporary() {
    MessagingException e = wrapped(new ConnectException("Connection refused"));
    assertThat(SmtpFailures.isTemporary(e)).isTrue();
    assertThat(SmtpFailures.describe(e, null)).startsWith("connection refused");
  }

  @Test
  void timeoutIsTemporary() {
    assertThat(SmtpFailures.isTemporary(wrapped(new SocketTimeoutException("Read timed out"))))
        .isTrue();
  }

  @Test
  void fourHundredRepliesAreTemporaryFiveHundredPermanent() {
    assertThat(SmtpFailures.isTemporary(sendFailed(451, "451 4.3.0 try again later"))).isTrue();
    assertThat(SmtpFailures.isTemporary(sendFailed(554, "554 5.7.1 rejected"))).isFalse();
    assertThat(SmtpFailures.describe(sendFailed(554, "554 5.7.1 rejected"), null))
        .isEqualTo("server replied 554 5.7.1 rejected");
  }

  @Test
  void aRejectedRecipientInsideASendFailureKeepsItsCode() throws Exception {
    Address[] none = new Address[0];
    SMTPAddressFailedException inner =
        new SMTPAddressFailedException(
            new jakarta.mail.internet.InternetAddress("x@example.org"),
            "RCPT",
            452,
            "452 4.2.2 mailbox full");
    SendFailedException outer =
        new SendFailedException("Invalid Addresses", inner, none, none, none);
    assertThat(SmtpFailures.isTemporary(outer)).isTrue();
  }

  @Test
  void authenticationAndTlsFailuresArePermanent() {
    assertThat(SmtpFailures.isTemporary(new AuthenticationFailedException("535 bad credentials")))
        .isFalse();
    assertThat(SmtpFailures.isTemporary(wrapped(new SSLHandshakeException("PKIX path")))).isFalse();
    assertThat(SmtpFailures.describe(new AuthenticationFailedException("535 bad"), null))
        .startsWith("authentication failed");
  }

  @Test
  void theSecretIsRedactedWhereverItAppears() {
    MessagingException e = new MessagingException("server echoed hunter2-pw back");
    assertThat(SmtpFailures.describe(e, "hunter2-pw"))
        .doesNotContain("hunter2-pw")
        .contains("****");
  }
}
