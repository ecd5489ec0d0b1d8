package org.p2penergy.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.reports.cli.ReportsMain;

class EmailCommandIT {
  static final String PASSWORD = "Cmd-line-s3cret";

  @RegisterExtension
  final GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
          .withConfiguration(
              GreenMailConfiguration.aConfig()
                  .withUser("reports@example.org", "reports", PASSWORD));

  @TempDir Path dir;
  Path pdf;
  Path passwordFile;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  @BeforeEach
  void data() throws Exception {
    Path day = Files.createDirectories(dir.resolve("data/reports/home/2025-11-27"));
    // Two appliances: 1.20 + 2.22 = 3.42 kWh and 0.18 + 0.33 = 0.51 dollars.
    Files.writeString(
        day.resolve("summary.json"),
        """
        {"schema_version": 1, "date": "2025-11-27", "generated_at": "2025-11-28T07:10:00Z",
         "home": {"name": "Demo home", "timezone": "America/New_York", "currency": "USD"},
         "day": {"start": "2025-11-27T00:00-05:00", "end": "2025-11-28T00:00-05:00", "hours": 24},
         "totals": {"kwh": 3.42, "cost": 0.51, "standby_kwh": 0, "standby_cost": 0, "coverage": 1},
         "appliances": [
           {"device_id": "f", "appliance": "Fridge", "kind": "fridge", "kwh": 1.20, "cost": 0.18,
            "peak_w": 120, "mean_w": 50, "standby_w": 0, "standby_kwh": 0, "standby_cost": 0,
            "on_seconds": 30000, "readings": 86400, "coverage": 1, "gaps": 0, "cycles": 30},
           {"device_id": "m", "appliance": "Microwave", "kind": "microwave", "kwh": 2.22,
            "cost": 0.33, "peak_w": 1800, "mean_w": 92.5, "standby_w": 0, "standby_kwh": 0,
            "standby_cost": 0, "on_seconds": 4440, "readings": 86400, "coverage": 1, "gaps": 0,
            "cycles": 6}],
         "hourly": [], "power_curve": [], "states": [], "state_timeline": [], "anomalies": [],
         "history": [],
         "data_quality": {"coverage": 1, "outages": [], "quarantined": 0,
                          "quarantine_reasons": {}, "duplicates": 0, "unreadable_files": []}}
        """);
    pdf = TestPdfs.write(day.resolve("report-day.pdf"));
    passwordFile = Files.writeString(dir.resolve("smtp-password"), PASSWORD + "\n");
  }

  Path config(int port) throws Exception {
    return Files.writeString(
        dir.resolve("p2penergy.yaml"),
        """
        home: {name: Demo home, timezone: America/New_York, currency: USD}
        mail:
          host: 127.0.0.1
          port: %d
          username: reports
          password_file: %s
          from: reports@example.org
          to: [home@example.org]
        """
            .formatted(port, passwordFile));
  }

  int run(String... args) {
    return CommandRun.execute(new ReportsMain(), out, err, args);
  }

  @Test
  void sendsTheReportWithFiguresFromTheSummary() throws Exception {
    Path config = config(greenMail.getSmtp().getPort());
    int code = run("email", "--config", config.toString(), "--report", pdf.toString());
    assertThat(code).as(err.toString()).isZero();
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("P2P Energy — Thu 27 Nov: 3.42 kWh, $0.51");
    String body = (String) ((MimeMultipart) received[0].getContent()).getBodyPart(0).getContent();
    assertThat(body).containsPattern("Microwave\\s+2\\.22\\s+\\$0\\.33\\s+65%");
    assertThat(body).containsPattern("Fridge\\s+1\\.20\\s+\\$0\\.18\\s+35%");
    assertThat(body.indexOf("Microwave")).isLessThan(body.indexOf("Fridge"));
    // the renderer's table, total row included: 2.22 + 1.20 kWh, $0.33 + $0.18
    assertThat(body).containsPattern("Total\\s+3\\.42\\s+\\$0\\.51\\s+100%");
    assertThat(out.toString()).contains("sent to home@example.org").doesNotContain(PASSWORD);
  }

  @Test
  void toOverridesTheConfiguredRecipients() throws Exception {
    Path config = config(greenMail.getSmtp().getPort());
    int code =
        run(
            "email",
            "--config",
            config.toString(),
            "--report",
            pdf.toString(),
            "--to",
            "a@x.org",
            "b@x.org");
    assertThat(code).as(err.toString()).isZero();
    assertThat(greenMail.getReceivedMessages()).hasSize(2); // one copy per recipient mailbox
    assertThat(greenMail.getReceivedMessages()[0].getAllRecipients())
        .extracting(Object::toString)
        .containsExactly("a@x.org", "b@x.org");
  }

  @Test
  void serverDownExitsThreeAndSaysWhereThePdfIs() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path config = config(port);
    int code =
        run(
            "email",
            "--config",
            config.toString(),
            "--report",
            pdf.toString(),
            "--attempts",
            "2",
            "--retry-delay",
            "0s");
    assertThat(code).isEqualTo(3);
    assertThat(err.toString())
        .startsWith("email: email not sent after 2 attempts")
        .contains("connection refused")
        .contains("the report is kept at " + pdf.toAbsolutePath())
        .doesNotContain("Exception\n\tat")
        .doesNotContain(PASSWORD);
    assertThat(out.toString()).contains("attempt 1 of 2 failed");
    assertThat(pdf).exists();
  }

  @Test
  void aMissingReportIsAOneLineUserError() throws Exception {
    Path config = config(greenMail.getSmtp().getPort());
    int code =
        run("email", "--config", config.toString(), "--report", dir.resolve("nope.pdf").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().strip())
        .isEqualTo("email: " + dir.resolve("nope.pdf") + ": no such report file");
  }

  @Test
  void aConfigWithoutMailIsAUserError() throws Exception {
    Path config = Files.writeString(dir.resolve("nomail.yaml"), "home: {name: X}\n");
    int code = run("email", "--config", config.toString(), "--report", pdf.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("no mail: block");
  }
}
