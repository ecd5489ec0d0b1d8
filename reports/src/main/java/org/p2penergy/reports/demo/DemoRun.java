package org.p2penergy.reports.demo;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.p2penergy.collector.cli.UserException;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;
import org.p2penergy.reports.nightly.Analyzer;
import org.p2penergy.reports.nightly.ChildProcessAnalyzer;
import org.p2penergy.reports.pdf.RenderedReport;
import org.p2penergy.reports.pdf.ReportPeriod;
import org.p2penergy.reports.pdf.ReportRenderer;

/**
 * The whole path on the demo home: the simulator (in this JVM, loopback, free port) streams {@code
 * days} simulated days starting at a local midnight; {@code collect} (child process) stores them;
 * {@code analyze} (child process, Spark) and the renderer make the first complete day's report.
 */
final class DemoRun {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  /** Time for the last events in flight to reach the collector once the simulator is done. */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  private final DemoSettings settings;
  private final Clock clock;
  private final Consumer<String> progress;

  DemoRun(DemoSettings settings, Clock clock, Consumer<String> progress) {
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
  }

  DemoResult run() throws Exception {
    long began = System.nanoTime();
    Path data = Files.createDirectories(settings.out().resolve("data"));
    DemoHome home = DemoHome.write(settings.out());
    ZoneId zone = home.home().home().timezone();
    // Start at a local midnight in the past, so the first simulated day is a complete local day.
    LocalDate day = LocalDate.now(clock.withZone(zone)).minusDays(settings.days() + 1L);
    Instant start = day.atStartOfDay(zone).toInstant();
    long events;
    try (ParticleCloudSimulator cloud =
        ParticleCloudSimulator.builder()
            .port(0)
            .tokens(Set.of(home.token()))
            .seed(settings.seed())
            .speed(settings.speed())
            .zone(zone)
            .start(start)
            .duration(Duration.ofDays(settings.days()))
            .holdClockUntilFirstStream(true)
            .build()
            .start()) {
      URI stream = cloud.baseUri().resolve("/v1/devices/events");
      progress.accept(
          String.format(
              Locale.ROOT,
              "[1/4] simulate: the demo home (fridge, microwave, Raspberry Pi) on %s: %d days from"
                  + " %s %s at %.0fx",
              cloud.baseUri(),
              settings.days(),
              start.atZone(zone).format(LOCAL),
              zone,
              settings.speed()));
      events = collect(cloud, stream, data, home, zone);
    }
    progress.accept("[3/4] analyze " + day + " (Spark, local)");
    Analyzer analyzer =
        new ChildProcessAnalyzer(
            List.of(settings.launcher().toString(), "analyze"),
            data,
            home.config(),
            Map.of("P2PENERGY_NO_BUILD", "1"),
            line -> progress.accept("  analyze | " + line));
    try {
      analyzer.analyze(day, day);
    } catch (Analyzer.AnalyzeException e) {
      throw new UserException(e.getMessage() + " (its output is above)", 1);
    }
    progress.accept("[4/4] report " + day);
    RenderedReport report = new ReportRenderer().render(data, day, ReportPeriod.DAY, null);
    return new DemoResult(
        report.pdf(), report.headline(), data, events, Duration.ofNanos(System.nanoTime() - began));
  }

  private long collect(
      ParticleCloudSimulator cloud, URI stream, Path data, DemoHome home, ZoneId zone)
      throws InterruptedException {
    progress.accept("[2/4] collect from " + stream);
    List<String> args =
        List.of(
            "collect",
            "--data",
            data.toString(),
            "--config",
            home.config().toString(),
            "--stream",
            stream.toString(),
            "--token-file",
            home.tokenFile().toString(),
            "--status-interval",
            "10s");
    try (ChildCommand collect =
        ChildCommand.start(
            settings.launcher(), args, line -> progress.accept("  collect | " + line))) {
      long lastReport = System.nanoTime();
      Duration total = Duration.ofDays(settings.days());
      while (!cloud.finished()) {
        if (!collect.isAlive()) {
          throw new UserException("collect stopped early (its output is above)", 1);
        }
        Thread.sleep(200);
        if (System.nanoTime() - lastReport > 5_000_000_000L) {
          lastReport = System.nanoTime();
          Duration done = Duration.between(cloud.simulatedStart(), cloud.simulatedNow());
          progress.accept(
              String.format(
                  Locale.ROOT,
                  "  simulated %s (%.0f%%), %,d events sent",
                  cloud.simulatedNow().atZone(zone).format(LOCAL),
                  100.0 * done.toMillis() / total.toMillis(),
                  cloud.eventsSent()));
        }
      }
      Thread.sleep(DRAIN.toMillis());
      long sent = cloud.eventsSent();
      progress.accept(
          String.format(Locale.ROOT, "  simulation done: %,d events sent; stopping collect", sent));
      int code = collect.stop(Duration.ofSeconds(60));
      if (code != 0) {
        throw new UserException("collect exited with code " + code + " (its output is above)", 1);
      }
      return sent;
    }
  }
}
