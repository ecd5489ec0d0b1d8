package org.p2penergy.reports.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.reports.mail.RetryPolicy;

/**
 * {@code nightly --community}: one analyze (a real child process: a script that writes each home's
 * summary like analyze) for every home, then each home's report mailed to its own address; a home
 * with a broken file or a mail server that is down does not stop the others, and the exit code and
 * the output say what failed, for whom.
 */
class CommunityNightlyIT {
  @RegisterExtension
  final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  Path data;
  Path community;
  Path script;
  StringWriter out;

  private Path home(String id, int port) throws Exception {
    return Files.writeString(
        dir.resolve("homes/" + id + ".yaml"),
        """
        home: {id: %s, name: Home %s, timezone: America/New_York, currency: USD}
        collector: {roll: 1h}
        mail: {host: 127.0.0.1, port: %d, from: reports@example.org, to: [%s@example.org]}
        """
            .formatted(id, id, port, id));
  }

  @BeforeEach
  void setUp() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(dir.resolve("homes"));
    script = dir.resolve("fake-analyze.sh");
    try (InputStream in = getClass().getResourceAsStream("fake-analyze.sh")) {
      Files.copy(in, script);
    }
    script.toFile().setExecutable(true);
    int smtp = greenMail.getSmtp().getPort();
    home("ash-1", smtp);
    home("ash-2", smtp);
    home("ash-3", closedPort()); // its mail server is down
    Files.writeString(
        dir.resolve("homes/ash-4.yaml"), "home: {id: ash-4, timezone: Mars/Olympus}\n");
    community =
        Files.writeString(
            dir.resolve("community.yaml"),
            "community: {name: Ash Row}\nstorage: {url: data}\n"
                + "homes: [homes/ash-1.yaml, homes/ash-2.yaml, homes/ash-3.yaml, homes/ash-4.yaml]\n");
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  int nightlyAt(String now) {
    out = new StringWriter();
    Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    return CommandRun.execute(
        new NightlyCommand(clock, Map.of(), new RetryPolicy(2, Duration.ofMillis(10), 1)),
        out,
        new StringWriter(),
        "--community",
        community.toString(),
        "--analyze-command",
        script.toString());
  }

  private List<String> recipients() throws Exception {
    List<String> to = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      to.add(m.getAllRecipients()[0].toString() + " " + m.getSubject());
    }
    return to;
  }

  @Test
  void eachHomeGetsItsOwnReportAndOneHomesProblemsStopNoOther() throws Exception {
    int code = nightlyAt("2025-11-28T07:00:00Z");
    String output = out.toString();
    // The worst problem: a home whose file is broken (7); the mail server that is down (3) is
    // named too, with its home.
    assertThat(code).as(output).isEqualTo(7);
    assertThat(output).containsOnlyOnce("analyze | fake community analyze 2025-11-27..2025-11-27");
    assertThat(output).contains("SKIPPED: " + dir.resolve("homes/ash-4.yaml"));
    assertThat(output).contains("ash-3: FAILED:").contains("ash-3@example.org");
    assertThat(recipients())
        .containsExactlyInAnyOrder(
            "ash-1@example.org P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27",
            "ash-2@example.org P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27");
    assertThat(data.resolve("reports/ash-3/2025-11-27/report-day.pdf")).exists();
    assertThat(data.resolve("state/nightly/ash-1.json")).exists();

    // The next night: the missed mail of ash-3 is retried (its server is still down), nothing is
    // sent twice, and the new day goes to everyone who can be reached.
    int next = nightlyAt("2025-11-29T07:00:00Z");
    assertThat(next).isEqualTo(7);
    assertThat(out.toString()).contains("analyze | fake community analyze 2025-11-28..2025-11-28");
    assertThat(recipients())
        .containsExactlyInAnyOrder(
            "ash-1@example.org P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27",
            "ash-2@example.org P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27",
            "ash-1@example.org P2P Energy — Fri 28 Nov: 2.80 kWh, $0.28",
            "ash-2@example.org P2P Energy — Fri 28 Nov: 2.80 kWh, $0.28");
    assertThat(out.toString()).contains("ash-3: 2 days to do");
  }

  @Test
  void missedNightsAreCaughtUpInOneAnalyzeForEveryHome() throws Exception {
    Files.writeString(
        community,
        "community: {name: Ash Row}\nstorage: {url: data}\nhomes: [homes/ash-1.yaml, homes/ash-2.yaml]\n");
    assertThat(nightlyAt("2025-11-28T07:00:00Z")).as(out.toString()).isZero();
    assertThat(nightlyAt("2025-11-30T07:00:00Z")).as(out.toString()).isZero();
    assertThat(out.toString())
        .containsOnlyOnce("analyze | fake community analyze 2025-11-28..2025-11-29");
    assertThat(greenMail.getReceivedMessages()).hasSize(6);
    assertThat(nightlyAt("2025-11-30T08:00:00Z")).isZero();
    assertThat(out.toString()).doesNotContain("analyze |");
    assertThat(greenMail.getReceivedMessages()).hasSize(6);
  }
}
