package org.p2penergy.reports.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
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

/** The nightly command end to end, with the analyze step a real child process (a script). */
class NightlyCommandIT {
  @RegisterExtension
  final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  Path data;
  Path config;
  Path script;
  StringWriter out;
  StringWriter err;

  @BeforeEach
  void setUp() throws Exception {
    data = Files.createDirectories(dir.resolve("data"));
    script = dir.resolve("fake-analyze.sh");
    try (InputStream in = getClass().getResourceAsStream("fake-analyze.sh")) {
      Files.copy(in, script);
    }
    script.toFile().setExecutable(true);
    config =
        Files.writeString(
            dir.resolve("p2penergy.yaml"),
            """
            home: {name: Demo home, timezone: America/New_York, currency: USD}
            collector: {roll: 1h}
            mail: {host: 127.0.0.1, port: %d, from: reports@example.org, to: [home@example.org]}
            """
                .formatted(greenMail.getSmtp().getPort()));
  }

  /** Runs nightly as if it were {@code now} (UTC). */
  int nightlyAt(String now, String... extra) {
    out = new StringWriter();
    err = new StringWriter();
    Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    List<String> args =
        new ArrayList<>(
            List.of(
                "--data", data.toString(),
                "--config", config.toString(),
                "--analyze-command", script.toString()));
    args.addAll(List.of(extra));
    return CommandRun.execute(
        new NightlyCommand(clock, Map.of()), out, err, args.toArray(String[]::new));
  }

  List<String> subjects() throws Exception {
    return Inbox.subjects(greenMail);
  }

  @Test
  void firstRunDoesYesterdayThenASecondRunSendsNothing() throws Exception {
    // 07:00Z = 02:00 in New York: the 27th ended 2 h ago, more than roll (1 h) + 10 min.
    assertThat(nightlyAt("2025-11-28T07:00:00Z")).as(out + "\n" + err).isZero();
    assertThat(out.toString()).contains("analyze | fake analyze 2025-11-27..2025-11-27");
    assertThat(subjects()).containsExactly("P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27");

    assertThat(nightlyAt("2025-11-28T07:30:00Z")).isZero();
    assertThat(out.toString()).contains("nothing to do").doesNotContain("analyze |");
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void beforeTheGraceIsOverTheDayIsNotComplete() throws Exception {
    // 01:05 in New York: the collector may still hold the 27th's last hour in its spool.
    assertThat(nightlyAt("2025-11-28T06:05:00Z")).isZero();
    assertThat(subjects()).containsExactly("P2P Energy — Wed 26 Nov: 2.60 kWh, $0.26");
  }

  @Test
  void missedNightsAreCaughtUpWithOneAnalyzeRun() throws Exception {
    assertThat(nightlyAt("2025-11-28T07:00:00Z")).isZero();
    // The Pi was off for two nights.
    assertThat(nightlyAt("2025-11-30T07:00:00Z")).as(out.toString()).isZero();
    assertThat(out.toString()).contains("analyze | fake analyze 2025-11-28..2025-11-29");
    assertThat(subjects())
        .containsExactly(
            "P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27",
            "P2P Energy — Fri 28 Nov: 2.80 kWh, $0.28",
            "P2P Energy — Sat 29 Nov: 2.90 kWh, $0.29");
  }

  @Test
  void sinceReachesBackOnAFirstRun() throws Exception {
    assertThat(nightlyAt("2025-11-28T07:00:00Z", "--since", "2025-11-26")).isZero();
    assertThat(subjects()).hasSize(2);
  }

  @Test
  void aFailedAnalyzeExitsFiveAndNothingIsSent() throws Exception {
    Files.createFile(data.resolve("fail-analyze"));
    assertThat(nightlyAt("2025-11-28T07:00:00Z")).isEqualTo(5);
    assertThat(out.toString()).contains("FAILED: analyze failed (exit code 1)");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    Files.delete(data.resolve("fail-analyze"));
    assertThat(nightlyAt("2025-11-28T08:00:00Z")).isZero();
    assertThat(subjects()).hasSize(1);
  }

  @Test
  void aSecondRunWhileOneIsInProgressExitsSix() throws Exception {
    Files.createDirectories(data.resolve("state"));
    try (FileChannel ch =
            FileChannel.open(
                data.resolve("state/nightly.lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock held = ch.lock()) {
      assertThat(nightlyAt("2025-11-28T07:00:00Z")).isEqualTo(6);
    }
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void noEmailRendersNowAndALaterRunSends() throws Exception {
    assertThat(nightlyAt("2025-11-28T07:00:00Z", "--no-email")).isZero();
    assertThat(data.resolve("reports/home/2025-11-27/report-day.pdf")).exists();
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(nightlyAt("2025-11-28T07:30:00Z")).isZero();
    assertThat(out.toString()).doesNotContain("analyze |");
    assertThat(subjects()).containsExactly("P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27");
  }

  @Test
  void helpListsTheExitCodes() {
    out = new StringWriter();
    assertThat(CommandRun.execute(new NightlyCommand(), out, new StringWriter(), "--help"))
        .isZero();
    assertThat(out.toString()).contains("--analyze-command").contains("5   analyze failed");
  }
}
