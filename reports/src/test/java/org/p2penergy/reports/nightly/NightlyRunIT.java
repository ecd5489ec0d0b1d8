package org.p2penergy.reports.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.config.MailSettings;
import org.p2penergy.reports.mail.Mailer;
import org.p2penergy.reports.mail.RetryPolicy;
import org.p2penergy.reports.mail.SmtpMailer;

/**
 * The catch-up logic with the real renderer and a real SMTP server; the analyzer writes summary
 * fixtures (NightlyCommandIT and NightlyRealAnalyzeIT run real child processes).
 */
class NightlyRunIT {
  @RegisterExtension
  final GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path data;
  final List<String> analyzeCalls = new ArrayList<>();
  final List<String> progress = new ArrayList<>();

  final Analyzer fixtures =
      (from, to) -> {
        analyzeCalls.add(from + ".." + to);
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
          SummaryFixtures.write(data, d);
        }
      };

  HomeConfig home(int smtpPort, boolean weeklyMonthly) {
    return ConfigLoader.parse(
        """
        home: {name: Demo home, timezone: America/New_York, currency: USD}
        reports: {weekly: %s, monthly: %s}
        mail: {host: 127.0.0.1, port: %d, from: reports@example.org, to: [home@example.org]}
        """
            .formatted(weeklyMonthly, weeklyMonthly, smtpPort));
  }

  NightlyOutcome run(HomeConfig home, Analyzer analyzer, LocalDate... days) {
    MailSettings mail = home.mail().orElseThrow();
    Mailer mailer =
        new SmtpMailer(
            mail,
            Map.of(),
            new RetryPolicy(2, Duration.ZERO, 1),
            d -> {},
            Clock.fixed(Instant.parse("2025-11-28T07:00:00Z"), ZoneOffset.UTC),
            progress::add,
            Optional.empty());
    NightlyStateStore store = new NightlyStateStore(data, "home");
    return new NightlyRun(
            data,
            home,
            analyzer,
            Reporter.pdf(data, "home"),
            Optional.of(mailer),
            store,
            progress::add)
        .run(Arrays.asList(days));
  }

  List<String> subjects() throws Exception {
    return Inbox.subjects(greenMail);
  }

  static LocalDate nov(int day) {
    return LocalDate.of(2025, 11, day);
  }

  @Test
  void analyzesRendersAndEmailsThenSendsNothingTwice() throws Exception {
    HomeConfig home = home(greenMail.getSmtp().getPort(), false);
    NightlyOutcome first = run(home, fixtures, nov(27));
    assertThat(first.exitCode()).as(String.join("\n", progress)).isZero();
    assertThat(first.daysFinished()).isEqualTo(1);
    assertThat(analyzeCalls).containsExactly("2025-11-27..2025-11-27");
    // Fixture: 27 / 10 = 2.70 kWh at $0.10 per kWh.
    assertThat(subjects()).containsExactly("P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27");
    Path pdf = data.resolve("reports/home/2025-11-27/report-day.pdf");
    MimeMultipart parts = (MimeMultipart) greenMail.getReceivedMessages()[0].getContent();
    assertThat(parts.getBodyPart(1).getInputStream().readAllBytes())
        .isEqualTo(Files.readAllBytes(pdf));

    NightlyState state = new NightlyStateStore(data, "home").load();
    assertThat(state.done()).containsExactly(nov(27));
    List<LocalDate> again = NightlyPlan.days(state, nov(27), Optional.empty());
    NightlyOutcome second = run(home, fixtures, again.toArray(LocalDate[]::new));
    assertThat(second.exitCode()).isZero();
    assertThat(second.daysFinished()).isZero();
    assertThat(analyzeCalls).hasSize(1);
    assertThat(greenMail.getReceivedMessages()).hasSize(1);
  }

  @Test
  void withoutAMailBlockADayIsDoneOnceRendered() {
    HomeConfig noMail =
        ConfigLoader.parse("home: {name: Demo home, timezone: America/New_York, currency: USD}");
    NightlyOutcome outcome =
        new NightlyRun(
                data,
                noMail,
                fixtures,
                Reporter.pdf(data, "home"),
                Optional.empty(),
                new NightlyStateStore(data, "home"),
                progress::add)
            .run(List.of(nov(27)));
    assertThat(outcome.exitCode()).isZero();
    assertThat(data.resolve("reports/home/2025-11-27/report-day.pdf")).exists();
    assertThat(new NightlyStateStore(data, "home").load().done()).containsExactly(nov(27));
    assertThat(progress).anyMatch(l -> l.startsWith("no mail: block"));
  }

  @Test
  void missedNightsAreAnalyzedInOneJobAndEmailedInOrder() throws Exception {
    HomeConfig home = home(greenMail.getSmtp().getPort(), false);
    NightlyOutcome outcome = run(home, fixtures, nov(25), nov(26), nov(27));
    assertThat(outcome.exitCode()).isZero();
    assertThat(analyzeCalls).containsExactly("2025-11-25..2025-11-27");
    assertThat(subjects())
        .containsExactly(
            "P2P Energy — Tue 25 Nov: 2.50 kWh, $0.25",
            "P2P Energy — Wed 26 Nov: 2.60 kWh, $0.26",
            "P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27");
    assertThat(new NightlyStateStore(data, "home").load().done())
        .containsExactly(nov(25), nov(26), nov(27));
  }

  @Test
  void aFailedEmailKeepsThePdfAndIsSentByTheNextRunWithoutAnalyzingAgain() throws Exception {
    int deadPort;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      deadPort = s.getLocalPort();
    }
    NightlyOutcome down = run(home(deadPort, false), fixtures, nov(26), nov(27));
    assertThat(down.exitCode()).isEqualTo(NightlyOutcome.EMAIL_FAILED);
    assertThat(down.problems()).hasSize(1).first().asString().contains("report is kept at");
    assertThat(data.resolve("reports/home/2025-11-26/report-day.pdf")).exists();
    assertThat(data.resolve("reports/home/2025-11-27/report-day.pdf")).exists();
    NightlyState state = new NightlyStateStore(data, "home").load();
    assertThat(state.done()).isEmpty();
    assertThat(state.progress(nov(26)).analyzed()).isTrue();
    assertThat(state.progress(nov(26)).emailed()).isEmpty();

    HomeConfig up = home(greenMail.getSmtp().getPort(), false);
    List<LocalDate> owed = NightlyPlan.days(state, nov(27), Optional.empty());
    assertThat(owed).containsExactly(nov(26), nov(27));
    NightlyOutcome retried = run(up, fixtures, owed.toArray(LocalDate[]::new));
    assertThat(retried.exitCode()).isZero();
    assertThat(analyzeCalls).as("analyzed once, in the first run").hasSize(1);
    assertThat(subjects())
        .containsExactly(
            "P2P Energy — Wed 26 Nov: 2.60 kWh, $0.26", "P2P Energy — Thu 27 Nov: 2.70 kWh, $0.27");
  }

  @Test
  void aFailedAnalyzeStopsBeforeReportingAndIsRetried() throws Exception {
    HomeConfig home = home(greenMail.getSmtp().getPort(), false);
    Analyzer broken =
        (from, to) -> {
          throw new Analyzer.AnalyzeException("analyze failed (exit code 1) for " + from);
        };
    NightlyOutcome failed = run(home, broken, nov(27));
    assertThat(failed.exitCode()).isEqualTo(NightlyOutcome.ANALYZE_FAILED);
    assertThat(greenMail.getReceivedMessages()).isEmpty();
    assertThat(data.resolve("reports/home/2025-11-27/report-day.pdf")).doesNotExist();
    assertThat(progress).anyMatch(l -> l.startsWith("FAILED: analyze failed"));

    NightlyOutcome ok = run(home, fixtures, nov(27));
    assertThat(ok.exitCode()).isZero();
    assertThat(subjects()).hasSize(1);
  }

  @Test
  void sundayTheLastOfTheMonthOwesDayWeekAndMonthReports() throws Exception {
    HomeConfig home = home(greenMail.getSmtp().getPort(), true);
    for (int d = 1; d <= 29; d++) {
      SummaryFixtures.write(data, nov(d));
    }
    NightlyOutcome outcome = run(home, fixtures, nov(30));
    assertThat(outcome.exitCode()).as(String.join("\n", progress)).isZero();
    // Week 24..30: (24+25+...+30)/10 = 189/10 = 18.90 kWh; month 1..30: 465/10 = 46.50 kWh.
    assertThat(subjects())
        .containsExactly(
            "P2P Energy — Sun 30 Nov: 3.00 kWh, $0.30",
            "P2P Energy — week to Sun 30 Nov: 18.90 kWh, $1.89",
            "P2P Energy — November 2025: 46.50 kWh, $4.65");
    assertThat(data.resolve("reports/home/2025-11-30/report-week.pdf")).exists();
    assertThat(data.resolve("reports/home/2025-11-30/report-month.pdf")).exists();
  }
}
