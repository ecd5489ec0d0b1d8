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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.reports.nightly.Analyzer;
import org.p2penergy.reports.nightly.ChildProcessAnalyzer;
import org.p2penergy.reports.pdf.RenderedReport;
import org.p2penergy.reports.pdf.ReportPeriod;
import org.p2penergy.reports.pdf.ReportRenderer;

/**
 * The whole path on the demo home, each stage in its own process as in production: {@code simulate}
 * (loopback, free port) streams {@code days} simulated days starting at a local midnight; {@code
 * collect} stores them; {@code analyze} (Spark) and the renderer make the first complete day's
 * report. The reports module loads neither the simulator nor the collector.
 */
final class DemoRun {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  /** Time for the last events in flight to reach the collector once the simulator is done. */
  private static final Duration DRAIN = Duration.ofSeconds(2);

  private static final Pattern LISTENING = Pattern.compile("listening on (\\S+)");
  private static final Pattern FINISHED = Pattern.compile("simulate: finished: (\\d+) events sent");

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
    CompletableFuture<URI> listening = new CompletableFuture<>();
    CompletableFuture<Long> finished = new CompletableFuture<>();
    try (ChildCommand cloud =
        ChildCommand.start(
            settings.launcher(),
            List.of(
                "simulate",
                "--port",
                "0",
                "--seed",
                Long.toString(settings.seed()),
                "--speed",
                Double.toString(settings.speed()),
                "--zone",
                zone.getId(),
                "--start",
                start.toString(),
                "--duration",
                settings.days() + "d",
                "--hold-clock",
                "--status-every",
                "5s"),
            // The token reaches the simulator through its environment, never its arguments.
            Map.of("PARTICLE_ACCESS_TOKEN", home.token()),
            line -> simulatorLine(line, listening, finished))) {
      URI base = awaitStart(cloud, listening);
      URI stream = base.resolve("/v1/devices/events");
      progress.accept(
          String.format(
              Locale.ROOT,
              "[1/4] simulate: the demo home (fridge, microwave, Raspberry Pi) on %s: %d days from"
                  + " %s %s at %.0fx",
              base,
              settings.days(),
              start.atZone(zone).format(LOCAL),
              zone,
              settings.speed()));
      events = collect(cloud, finished, stream, data, home);
    }
    progress.accept("[3/4] analyze " + day + " (Spark, local)");
    Analyzer analyzer =
        new ChildProcessAnalyzer(
            List.of(settings.launcher().toString(), "analyze"),
            data,
            List.of("--config", home.config().toString()),
            Map.of("P2PENERGY_NO_BUILD", "1"),
            line -> progress.accept("  analyze | " + line));
    try {
      analyzer.analyze(day, day);
    } catch (Analyzer.AnalyzeException e) {
      throw new UserException(e.getMessage() + " (its output is above)", 1);
    }
    progress.accept("[4/4] report " + day);
    RenderedReport report =
        new ReportRenderer().render(data, home.home().home().id(), day, ReportPeriod.DAY, null);
    return new DemoResult(
        report.pdf(), report.headline(), data, events, Duration.ofNanos(System.nanoTime() - began));
  }

  /** The simulator's output: its address, its end, and its status lines passed on. */
  private void simulatorLine(
      String line, CompletableFuture<URI> listening, CompletableFuture<Long> finished) {
    Matcher address = LISTENING.matcher(line);
    Matcher end = FINISHED.matcher(line);
    if (!listening.isDone() && address.matches()) {
      listening.complete(URI.create(address.group(1)));
    } else if (end.matches()) {
      finished.complete(Long.parseLong(end.group(1)));
    } else if (line.contains("events sent")) {
      progress.accept("  simulate | " + line.replaceFirst("^simulate: ", ""));
    }
  }

  private static URI awaitStart(ChildCommand cloud, CompletableFuture<URI> listening)
      throws InterruptedException {
    for (int waited = 0; waited < 600; waited++) {
      if (listening.isDone()) {
        return listening.join();
      }
      if (!cloud.isAlive()) {
        throw new UserException("simulate stopped before it listened (its output is above)", 1);
      }
      Thread.sleep(100);
    }
    throw new UserException("simulate did not start listening within 60 s", 1);
  }

  private long collect(
      ChildCommand cloud, CompletableFuture<Long> finished, URI stream, Path data, DemoHome home)
      throws Exception {
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
      long sent;
      while (true) {
        if (!collect.isAlive()) {
          throw new UserException("collect stopped early (its output is above)", 1);
        }
        if (!cloud.isAlive()) {
          throw new UserException("simulate stopped early (its output is above)", 1);
        }
        try {
          sent = finished.get(200, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException notYet) {
          // keep watching both children
        }
      }
      Thread.sleep(DRAIN.toMillis());
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
