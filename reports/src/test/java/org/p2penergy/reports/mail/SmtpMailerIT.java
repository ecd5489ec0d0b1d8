package org.p2penergy.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.config.ConfigException;
import org.p2penergy.home.config.MailSettings;
import org.p2penergy.home.config.MailSettings.Security;
import org.p2penergy.home.config.SecretSource;
import org.p2penergy.reports.pdf.Headline;
import org.p2penergy.reports.pdf.ReportPeriod;

class SmtpMailerIT {
  static final String PASSWORD = "s3cret-Pa55word!";
  static final String USER = "reports";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2025-11-28T07:00:00Z"), ZoneOffset.UTC);
  static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), 2);

  /** A test SMTP server on a free port that knows the reports user and its password. */
  static GreenMailExtension withUser(ServerSetup setup) {
    return new GreenMailExtension(setup.dynamicPort())
        .withConfiguration(
            GreenMailConfiguration.aConfig().withUser("reports@example.org", USER, PASSWORD));
  }

  @TempDir Path dir;
  Path pdf;
  final List<String> progress = new ArrayList<>();
  final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void pdf() throws Exception {
    pdf = TestPdfs.write(dir.resolve("report-day.pdf"));
  }

  OutgoingMail mail() {
    Headline figures =
        new Headline(
            LocalDate.of(2025, 11, 27),
            ReportPeriod.DAY,
            3.42,
            0.51,
            "USD",
            "Fridge  1.20 kWh  $0.18\n",
            false,
            java.util.Optional.empty());
    return MailComposer.compose("Demo home", figures, pdf, List.of("home@example.org"));
  }

  SmtpMailer mailer(MailSettings settings, Map<String, String> env, Optional<String> trust) {
    return new SmtpMailer(settings, env, FAST, d -> waits.add(d), CLOCK, progress::add, trust);
  }

  static MailSettings settings(int port, Security security, boolean auth, SecretSource pw) {
    return new MailSettings(
        "127.0.0.1",
        port,
        security,
        auth ? Optional.of(USER) : Optional.empty(),
        auth ? Optional.of(pw) : Optional.empty(),
        "reports@example.org",
        List.of("home@example.org"));
  }

  void assertDelivered(MimeMessage[] received) throws Exception {
    assertThat(received).hasSize(1);
    MimeMessage m = received[0];
    assertThat(m.getSubject()).isEqualTo("P2P Energy — Thu 27 Nov: 3.42 kWh, $0.51");
    assertThat(m.getFrom()[0].toString()).isEqualTo("reports@example.org");
    MimeMultipart parts = (MimeMultipart) m.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    String body = (String) parts.getBodyPart(0).getContent();
    assertThat(body).contains("Total: 3.42 kWh, $0.51").contains("Fridge  1.20 kWh  $0.18");
    Part attachment = parts.getBodyPart(1);
    assertThat(attachment.getFileName()).isEqualTo("report-day.pdf");
    assertThat(attachment.getContentType()).startsWith("application/pdf");
    assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(Files.readAllBytes(pdf));
  }

  @Nested
  class PlainSmtp {
    @RegisterExtension
    final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @Test
    void theMessageArrivesWithTheSamePdfBytes() throws Exception {
      int port = greenMail.getSmtp().getPort();
      mailer(settings(port, Security.NONE, false, null), Map.of(), Optional.empty()).send(mail());
      assertDelivered(greenMail.getReceivedMessages());
      assertThat(waits).isEmpty();
    }

    @Test
    void starttlsIsRequiredNotOptional() {
      // GreenMail offers no STARTTLS: the mailer must refuse rather than send in the clear.
      int port = greenMail.getSmtp().getPort();
      SmtpMailer m =
          mailer(settings(port, Security.STARTTLS, false, null), Map.of(), Optional.empty());
      assertThatThrownBy(() -> m.send(mail()))
          .isInstanceOf(MailDeliveryException.class)
          .hasMessageContaining("STARTTLS")
          .hasMessageContaining(pdf.toAbsolutePath().toString());
      assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
  }

  @Nested
  class Authentication {
    @RegisterExtension final GreenMailExtension greenMail = withUser(ServerSetupTest.SMTP);

    @Test
    void passwordFromAnEnvironmentVariable() throws Exception {
      int port = greenMail.getSmtp().getPort();
      MailSettings s = settings(port, Security.NONE, true, SecretSource.fromEnv("SMTP_PW"));
      mailer(s, Map.of("SMTP_PW", PASSWORD), Optional.empty()).send(mail());
      assertDelivered(greenMail.getReceivedMessages());
      assertThat(String.join("\n", progress)).doesNotContain(PASSWORD);
    }

    @Test
    void passwordFromAFile() throws Exception {
      Path secret = Files.writeString(dir.resolve("smtp-password"), PASSWORD + "\n");
      int port = greenMail.getSmtp().getPort();
      MailSettings s = settings(port, Security.NONE, true, SecretSource.fromFile(secret));
      mailer(s, Map.of(), Optional.empty()).send(mail());
      assertDelivered(greenMail.getReceivedMessages());
    }

    @Test
    void aWrongPasswordFailsAtOnceAndClearly() {
      int port = greenMail.getSmtp().getPort();
      String wrong = "not-the-Pa55word";
      MailSettings s = settings(port, Security.NONE, true, SecretSource.fromEnv("SMTP_PW"));
      SmtpMailer m = mailer(s, Map.of("SMTP_PW", wrong), Optional.empty());
      assertThatThrownBy(() -> m.send(mail()))
          .isInstanceOfSatisfying(
              MailDeliveryException.class,
              e -> {
                assertThat(e.temporary()).isFalse();
                assertThat(e.keptReport()).isEqualTo(pdf);
                assertThat(e.getMessage())
                    .contains("authentication failed")
                    .contains(pdf.toAbsolutePath().toString())
                    .doesNotContain(wrong)
                    .doesNotContain(PASSWORD);
              });
      assertThat(waits).as("a rejection is not retried").isEmpty();
      assertThat(String.join("\n", progress)).doesNotContain(wrong);
      assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void aMissingPasswordVariableNamesTheVariableOnly() {
      int port = greenMail.getSmtp().getPort();
      MailSettings s = settings(port, Security.NONE, true, SecretSource.fromEnv("SMTP_PW"));
      assertThatThrownBy(() -> mailer(s, Map.of(), Optional.empty()).send(mail()))
          .isInstanceOf(ConfigException.class)
          .hasMessage("environment variable SMTP_PW is not set");
    }
  }

  @Nested
  class Smtps {
    @RegisterExtension final GreenMailExtension greenMail = withUser(ServerSetupTest.SMTPS);

    @Test
    void tlsFromTheStartWithAuth() throws Exception {
      int port = greenMail.getSmtps().getPort();
      MailSettings s = settings(port, Security.SMTPS, true, SecretSource.fromEnv("SMTP_PW"));
      mailer(s, Map.of("SMTP_PW", PASSWORD), Optional.of("127.0.0.1")).send(mail());
      assertDelivered(greenMail.getReceivedMessages());
    }

    @Test
    void anUntrustedCertificateIsRefused() {
      int port = greenMail.getSmtps().getPort();
      MailSettings s = settings(port, Security.SMTPS, true, SecretSource.fromEnv("SMTP_PW"));
      SmtpMailer m = mailer(s, Map.of("SMTP_PW", PASSWORD), Optional.empty());
      assertThatThrownBy(() -> m.send(mail()))
          .isInstanceOfSatisfying(
              MailDeliveryException.class, e -> assertThat(e.temporary()).isFalse());
      assertThat(greenMail.getReceivedMessages()).isEmpty();
    }
  }

  @Nested
  class Starttls {
    @RegisterExtension final GreenMailExtension greenMail = withUser(ServerSetupTest.SMTP);

    @Test
    void upgradesToTlsThenAuthenticatesAndSends() throws Exception {
      try (StartTlsFront front = new StartTlsFront(greenMail.getSmtp().getPort())) {
        MailSettings s =
            settings(front.port(), Security.STARTTLS, true, SecretSource.fromEnv("SMTP_PW"));
        mailer(s, Map.of("SMTP_PW", PASSWORD), Optional.of("127.0.0.1")).send(mail());
        assertThat(front.upgrades()).isEqualTo(1);
      }
      assertDelivered(greenMail.getReceivedMessages());
    }
  }

  @Nested
  class ServerDown {
    @Test
    void retriesWithBackoffThenFailsNamingTheKeptPdf() throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort(); // closed again: nothing listens there now
      }
      SmtpMailer m = mailer(settings(port, Security.NONE, false, null), Map.of(), Optional.empty());
      assertThatThrownBy(() -> m.send(mail()))
          .isInstanceOfSatisfying(
              MailDeliveryException.class,
              e -> {
                assertThat(e.temporary()).isTrue();
                assertThat(e.getMessage())
                    .contains("after 3 attempts")
                    .contains("connection refused")
                    .contains("the report is kept at " + pdf.toAbsolutePath());
              });
      // 3 attempts: waits of 10 ms then 20 ms between them.
      assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20));
      assertThat(progress).filteredOn(l -> l.startsWith("attempt")).hasSize(2);
      assertThat(pdf).exists();
    }
  }
}
