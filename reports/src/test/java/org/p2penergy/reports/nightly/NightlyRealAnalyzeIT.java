package org.p2penergy.reports.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMultipart;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.cli.CollectorMain;
import org.p2penergy.home.cli.Cli;
import org.p2penergy.home.cli.CommandRun;

/**
 * nightly with the real analyze: {@code bin/p2penergy analyze} as a child process (Spark, local),
 * on readings imported exactly as the collector writes them. Needs the analytics jar, which the
 * reactor builds before this module in {@code mvn verify}.
 */
class NightlyRealAnalyzeIT {
  static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();

  @RegisterExtension
  final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dir;

  @Test
  void analyzesReportsAndEmailsADayOfRealReadings() throws Exception {
    assumeThat(REPO.resolve("analytics/target/classpath.txt"))
        .as("the analytics module is built (mvn verify from the root builds it first)")
        .exists();
    Path data = Files.createDirectories(dir.resolve("data"));
    // The fridge draws 105.5 W all day, a reading every 10 s from 23:59:50 the day before to
    // 00:00:10 the day after (New York, UTC-5). Less the 5.5 W noise floor: 100 W x 24 h =
    // 2.40 kWh, at $0.15 per kWh $0.36.
    StringBuilder csv = new StringBuilder("time,watts\n");
    OffsetDateTime t = OffsetDateTime.parse("2025-11-26T23:59:50-05:00");
    OffsetDateTime end = OffsetDateTime.parse("2025-11-28T00:00:10-05:00");
    for (; !t.isAfter(end); t = t.plusSeconds(10)) {
      csv.append(t).append(",105.5\n");
    }
    Path trace = Files.writeString(dir.resolve("fridge.csv"), csv);
    int imported =
        Cli.commandLine(new CollectorMain())
            .execute(
                "import",
                "csv",
                "--data",
                data.toString(),
                "--device",
                "34003d000547363332363639",
                trace.toString());
    assertThat(imported).isZero();
    Path config =
        Files.writeString(
            dir.resolve("p2penergy.yaml"),
            """
            home: {name: Demo home, timezone: America/New_York, currency: USD}
            tariff: {flat: 0.15}
            appliances:
              - {device_id: 34003d000547363332363639, name: Fridge, kind: fridge}
            mail: {host: 127.0.0.1, port: %d, from: reports@example.org, to: [home@example.org]}
            """
                .formatted(greenMail.getSmtp().getPort()));

    StringWriter out = new StringWriter();
    Clock at = Clock.fixed(Instant.parse("2025-11-28T08:00:00Z"), ZoneOffset.UTC);
    int code =
        CommandRun.execute(
            new NightlyCommand(at, Map.of("P2PENERGY_HOME", REPO.toString())),
            out,
            out,
            "--data",
            data.toString(),
            "--config",
            config.toString());
    assertThat(code).as(out.toString()).isZero();

    JsonNode summary =
        new ObjectMapper().readTree(data.resolve("reports/home/2025-11-27/summary.json").toFile());
    assertThat(summary.path("totals").path("kwh").asDouble()).isCloseTo(2.40, within(1e-6));
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
    assertThat(greenMail.getReceivedMessages()[0].getSubject())
        .isEqualTo("P2P Energy — Thu 27 Nov: 2.40 kWh, $0.36");
    MimeMultipart parts = (MimeMultipart) greenMail.getReceivedMessages()[0].getContent();
    assertThat(parts.getBodyPart(1).getInputStream().readAllBytes())
        .isEqualTo(Files.readAllBytes(data.resolve("reports/home/2025-11-27/report-day.pdf")));
    assertThat(new NightlyStateStore(data, "home").load().done()).hasSize(1);
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
