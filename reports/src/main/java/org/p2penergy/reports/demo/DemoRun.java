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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.CommunityConfig;
import org.p2penergy.home.config.CommunityLoader;
import org.p2penergy.reports.nightly.Analyzer;
import org.p2penergy.reports.nightly.ChildProcessAnalyzer;
import org.p2penergy.reports.pdf.RenderedReport;
import org.p2penergy.reports.pdf.ReportPeriod;
import org.p2penergy.reports.pdf.ReportRenderer;

/**
 * The whole path, each stage in its own process as in production: {@code simulate} (loopback, free
 * port) streams {@code days} simulated days starting at a local midnight; {@code collect} stores
 * them; {@code analyze} (Spark) and the renderer make the first complete day's report. With {@code
 * homes}, a simulated community on one product stream instead of the demo home, analysed in one
 * job, every home's report with its comparison. The reports module loads neither the simulator nor
 * the collector.
 */
final class DemoRun {
  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  /** The zones of simulated communities span Berlin (earliest) to Los Angeles (latest). */
  private static final ZoneId EARLIEST = ZoneId.of("Europe/Berlin");

  private static final ZoneId LATEST = ZoneId.of("America/Los_Angeles");

  private final DemoSettings settings;
  private final Clock clock;
  private final Consumer<String> progress;
  private final DemoStages stages;

  DemoRun(DemoSettings settings, Clock clock, Consumer<String> progress) {
    this.settings = settings;
    this.clock = clock;
    this.progress = progress;
    this.stages = new DemoStages(settings.launcher(), progress);
  }

  DemoResult run() throws Exception {
    return settings.homes() > 0 ? community() : oneHome();
  }

  private DemoResult oneHome() throws Exception {
    long began = System.nanoTime();
    Path data = Files.createDirectories(settings.out().resolve("data"));
    DemoHome home = DemoHome.write(settings.out());
    ZoneId zone = home.home().home().timezone();
    // Start at a local midnight in the past, so the first simulated day is a complete local day.
    LocalDate day = LocalDate.now(clock.withZone(zone)).minusDays(settings.days() + 1L);
    Instant start = day.atStartOfDay(zone).toInstant();
    long events;
    try (DemoStages.Cloud cloud =
        stages.simulate(
            simulateArgs(zone, start, settings.days() + "d", List.of()), home.token().value())) {
      URI stream = cloud.base().resolve("/v1/devices/events");
      progress.accept(
          String.format(
              Locale.ROOT,
              "[1/4] simulate: the demo home (fridge, microwave, Raspberry Pi) on %s: %d days from"
                  + " %s %s at %.0fx",
              cloud.base(),
              settings.days(),
              start.atZone(zone).format(LOCAL),
              zone,
              settings.speed()));
      progress.accept("[2/4] collect from " + stream);
      events =
          stages.collect(
              cloud,
              collectArgs(
                  data,
                  List.of("--config", home.config().toString()),
                  stream,
                  home.token().file()));
    }
    progress.accept("[3/4] analyze " + day + " (Spark, local)");
    analyze(data, List.of("--config", home.config().toString()), day);
    progress.accept("[4/4] report " + day);
    RenderedReport report =
        new ReportRenderer().render(data, home.home().home().id(), day, ReportPeriod.DAY, null);
    return new DemoResult(
        report.pdf(), report.headline(), data, events, Duration.ofNanos(System.nanoTime() - began));
  }

  /**
   * A community of {@code homes}: the simulator writes its files, one collect on the product stream
   * splits the readings into the homes, one analyze compares them; every home's report is rendered,
   * the first one's is shown.
   */
  private DemoResult community() throws Exception {
    long began = System.nanoTime();
    DemoToken token = DemoToken.write(settings.out());
    // One day complete in every zone: from its midnight in Berlin to its end in Los Angeles.
    LocalDate day = LocalDate.now(clock.withZone(LATEST)).minusDays(settings.days() + 1L);
    Instant start = day.atStartOfDay(EARLIEST).toInstant();
    Instant end = day.plusDays(settings.days()).atStartOfDay(LATEST).toInstant().plusSeconds(600);
    String duration = Duration.between(start, end).toMinutes() + "m";
    Path community = settings.out().resolve("community.yaml");
    long events;
    try (DemoStages.Cloud cloud =
        stages.simulate(
            simulateArgs(
                EARLIEST,
                start,
                duration,
                List.of(
                    "--homes",
                    Integer.toString(settings.homes()),
                    "--write-community",
                    settings.out().toString())),
            token.value())) {
      URI stream = cloud.base().resolve("/v1/products/" + PRODUCT + "/events");
      progress.accept(
          String.format(
              Locale.ROOT,
              "[1/4] simulate: a community of %d homes on %s, %s from %s at %.0fx",
              settings.homes(),
              stream,
              duration,
              start,
              settings.speed()));
      progress.accept("[2/4] collect --community from " + stream);
      events =
          stages.collect(
              cloud,
              collectArgs(
                  settings.out().resolve("data"),
                  List.of("--community", community.toString()),
                  stream,
                  token.file()));
    }
    CommunityConfig homes = CommunityLoader.load(community);
    Path data = homes.storage().orElseThrow().localPath();
    progress.accept(
        "[3/4] analyze --community "
            + day
            + " (Spark, local, "
            + homes.homes().size()
            + " homes in one job)");
    analyze(data, List.of("--community", community.toString()), day);
    progress.accept("[4/4] report " + day + " for every home");
    List<RenderedReport> reports = new ArrayList<>();
    ReportRenderer renderer = new ReportRenderer();
    for (CommunityConfig.Member m : homes.homes()) {
      reports.add(renderer.render(data, m.id(), day, ReportPeriod.DAY, null));
    }
    RenderedReport first = reports.get(0);
    return new DemoResult(
        first.pdf(), first.headline(), data, events, Duration.ofNanos(System.nanoTime() - began));
  }

  /** The simulator's product id for the community demo (its default). */
  private static final long PRODUCT = 20115;

  private List<String> simulateArgs(
      ZoneId zone, Instant start, String duration, List<String> more) {
    List<String> args =
        new ArrayList<>(
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
                duration,
                "--hold-clock",
                "--status-every",
                "5s"));
    args.addAll(more);
    return args;
  }

  private static List<String> collectArgs(Path data, List<String> source, URI stream, Path token) {
    List<String> args = new ArrayList<>(List.of("collect"));
    args.addAll(List.of("--data", data.toString()));
    args.addAll(source);
    args.addAll(
        List.of(
            "--stream",
            stream.toString(),
            "--token-file",
            token.toString(),
            "--status-interval",
            "10s"));
    return args;
  }

  private void analyze(Path data, List<String> source, LocalDate day) {
    Analyzer analyzer =
        new ChildProcessAnalyzer(
            List.of(settings.launcher().toString(), "analyze"),
            data.toString(),
            source,
            Map.of("P2PENERGY_NO_BUILD", "1"),
            line -> progress.accept("  analyze | " + line));
    try {
      analyzer.analyze(day, day);
    } catch (Analyzer.AnalyzeException e) {
      throw new UserException(e.getMessage() + " (its output is above)", 1);
    }
  }
}
