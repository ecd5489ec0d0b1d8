package org.p2penergy.reports.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.CommandRun;
import org.p2penergy.reports.mail.RetryPolicy;
import org.p2penergy.reports.pdf.ReportCommand;
import org.p2penergy.store.S3ProxyServer;

/**
 * {@code nightly --community} and {@code report --community} when analyze writes to an s3:// store
 * (a real S3 API, s3proxy with SigV4): summaries are read from the store, each PDF is put back
 * beside its summary, the state stays in the local --data folder, and the store being down is a
 * report failure retried by the next run. The stand-in analyze writes each home's summary into the
 * server's backend folder (fridge: day-of-month / 10 kWh at $0.10 per kWh, so the 27th is 2.70 kWh,
 * $0.27).
 */
class CommunityStoreNightlyIT {
  private static final String BUCKET = "p2p-energy";

  @RegisterExtension
  final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;
  S3ProxyServer s3;
  Path local;
  Path community;
  Path script;
  Map<String, String> env;

  @BeforeEach
  void setUp() throws Exception {
    s3 = S3ProxyServer.start(dir, BUCKET);
    env = Map.of("TEST_S3_KEY", s3.identity, "TEST_S3_SECRET", s3.credential);
    local = dir.resolve("local");
    Files.createDirectories(dir.resolve("homes"));
    script = dir.resolve("fake-analyze.sh");
    try (InputStream in = getClass().getResourceAsStream("fake-analyze.sh")) {
      Files.copy(in, script);
    }
    script.toFile().setExecutable(true);
    Files.writeString(dir.resolve("s3-root"), s3.basedir.toString());
    for (String id : List.of("ash-1", "ash-2")) {
      Files.writeString(
          dir.resolve("homes/" + id + ".yaml"),
          """
          home: {id: %s, name: Home %s, timezone: America/New_York, currency: USD}
          collector: {roll: 1h}
          mail: {host: 127.0.0.1, port: %d, from: reports@example.org, to: [%s@example.org]}
          """
              .formatted(id, id, greenMail.getSmtp().getPort(), id));
    }
    community =
        Files.writeString(
            dir.resolve("community.yaml"),
            """
            community: {name: Ash Row}
            storage:
              url: s3://%s/ash
              endpoint: %s
              region: us-east-1
              path_style: true
              access_key_env: TEST_S3_KEY
              secret_key_env: TEST_S3_SECRET
            homes: [homes/ash-1.yaml, homes/ash-2.yaml]
            """
                .formatted(BUCKET, s3.endpoint()));
  }

  @AfterEach
  void tearDown() throws Exception {
    s3.close();
  }

  private CommandRun.Result nightlyAt(String now) {
    Clock clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
    return CommandRun.run(
        new NightlyCommand(clock, env, new RetryPolicy(2, Duration.ofMillis(10), 1)),
        "--community",
        community.toString(),
        "--data",
        local.toString(),
        "--analyze-command",
        script.toString());
  }

  /** {@code report --community} of 2025-11-27 with these options. */
  private CommandRun.Result report(String... options) {
    List<String> args =
        new ArrayList<>(List.of("--community", community.toString(), "--date", "2025-11-27"));
    args.addAll(List.of(options));
    return CommandRun.run(new ReportCommand(env), args.toArray(String[]::new));
  }

  private List<String> recipients() throws Exception {
    List<String> to = new ArrayList<>();
    for (MimeMessage m : greenMail.getReceivedMessages()) {
      to.add(m.getAllRecipients()[0].toString() + " " + m.getSubject());
    }
    return to;
  }

  private byte[] stored(String key) throws Exception {
    Path object = s3.objects(BUCKET).get(key);
    assertThat(object).as("object " + key).isNotNull();
    return Files.readAllBytes(object);
  }

  @Test
  void summariesComeFromTheStoreAndEachPdfGoesBackBesideIts() throws Exception {
    CommandRun.Result r = nightlyAt("2025-11-28T07:00:00Z");
    assertThat(r.code()).as(r.all()).isZero();
    // analyze is told the store, not the local folder.
    assertThat(r.out())
        .containsOnlyOnce("analyze | fake community analyze 2025-11-27..2025-11-27 of s3://")
        .contains("of s3://" + BUCKET + "/ash");
    assertThat(recipients())
        .containsExactlyInAnyOrder(
            "ash-1@example.org P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27",
            "ash-2@example.org P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27");
    for (String home : List.of("ash-1", "ash-2")) {
      String pdf = "reports/" + home + "/2025-11-27/report-day.pdf";
      byte[] inStore = stored("ash/" + pdf);
      assertThat(new String(inStore, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
          .isEqualTo("%PDF-");
      assertThat(inStore).isEqualTo(Files.readAllBytes(local.resolve(pdf)));
    }
    assertThat(local.resolve("state/nightly/ash-1.json")).exists();
    assertThat(r.all()).doesNotContain(s3.credential);
    assertThat(s3.logs()).doesNotContain(s3.credential);

    // report --community without --data: a temporary working folder; each PDF's place in the
    // store is printed.
    CommandRun.Result anywhere = report("--period", "week");
    assertThat(anywhere.code()).as(anywhere.all()).isZero();
    assertThat(anywhere.out())
        .contains("ash-1: s3://" + BUCKET + "/ash/reports/ash-1/2025-11-27/report-week.pdf")
        .contains("ash-2: s3://" + BUCKET + "/ash/reports/ash-2/2025-11-27/report-week.pdf");
    stored("ash/reports/ash-2/2025-11-27/report-week.pdf");

    // A summary gone from the store is not reported from the old local copy.
    Files.delete(s3.objects(BUCKET).get("ash/reports/ash-2/2025-11-27/summary.json"));
    CommandRun.Result report = report("--data", local.toString());
    assertThat(report.code()).as(report.all()).isEqualTo(4);
    assertThat(report.out())
        .contains("ash-1: s3://" + BUCKET + "/ash/reports/ash-1/2025-11-27/report-day.pdf")
        .contains("ash-2: FAILED: no summary for 2025-11-27");
    assertThat(local.resolve("reports/ash-2/2025-11-27/summary.json")).doesNotExist();
    assertThat(report.all()).doesNotContain(s3.credential);
  }

  @Test
  void theStoreDownIsAReportFailureThatTheNextRunRetries() throws Exception {
    s3.stop(); // analyze still writes (into the backend); reading the summaries fails
    CommandRun.Result down = nightlyAt("2025-11-28T07:00:00Z");
    assertThat(down.code()).as(down.all()).isEqualTo(NightlyOutcome.REPORT_FAILED);
    assertThat(down.out())
        .contains("ash-1: FAILED: 2025-11-27 day report: cannot read s3://" + BUCKET)
        .contains("cannot reach the store at " + s3.endpoint());
    assertThat(greenMail.getReceivedMessages()).isEmpty();

    s3.start();
    CommandRun.Result next = nightlyAt("2025-11-28T08:00:00Z");
    assertThat(next.code()).as(next.all()).isZero();
    assertThat(next.out()).doesNotContain("analyze |"); // analyzed already: only the reports
    assertThat(recipients()).hasSize(2);
    stored("ash/reports/ash-2/2025-11-27/report-day.pdf");
  }

  @Test
  void nightlyOnAStoreWantsALocalFolderForItsState() {
    CommandRun.Result r =
        CommandRun.run(
            new NightlyCommand(Clock.systemUTC(), env),
            "--community",
            community.toString(),
            "--analyze-command",
            script.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo(
            "nightly: the community's storage is an s3:// store: give --data DIR, the local"
                + " folder for the nightly's state and the PDFs' copies");
  }
}
