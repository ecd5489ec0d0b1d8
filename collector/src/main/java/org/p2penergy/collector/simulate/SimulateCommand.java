package org.p2penergy.collector.simulate;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.Durations;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code p2penergy simulate}: runs {@link ParticleCloudSimulator} until interrupted. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    version = "p2penergy 0.1.0",
    sortOptions = false,
    usageHelpWidth = 100,
    description = {
      "A Particle-compatible cloud on loopback: the event-stream paths (/v1/devices/events[/PREFIX],",
      "/v1/devices/ID/events[/PREFIX], /v1/events/PREFIX, /v1/products/P/events[/PREFIX]), the device",
      "listing (/v1/devices) and the token check (401 otherwise), streaming the measured demo home",
      "(fridge, microwave, Raspberry Pi), a replayed CSV trace or a community of simulated homes",
      "(--homes; --generate writes their readings to Parquet instead). The first line on stdout is the",
      "address it listens on; a status line goes to stderr every 10 s; when --duration is reached,",
      "'simulate: finished: N events sent' goes to stdout. Runs until interrupted.",
      ""
    },
    footer = {
      "",
      "Faults (--fault KIND@AT[,every=D][,times=N][,for=D][,size=N][,retry-after=D]): AT and every in",
      "real time from the first request received; stream faults hit the streams open then.",
      "  drop       cut every open stream (no end of the chunked body), like a network drop",
      "  stall      every open stream sends nothing, not even keep-alives, for 'for' (default 30s);",
      "             events published meanwhile are lost",
      "  500|503|429  every request in the window [AT, AT+for) (default for=10s) gets that status;",
      "             503 and 429 carry Retry-After (default: the window length, in seconds)",
      "  malformed  every open stream gets an event whose data line is cut-off JSON",
      "  oversized  every open stream gets an event whose data is 'size' bytes (default 100000)",
      "  e.g. --fault drop@30s,every=60s --fault 503@31s,for=20s --fault stall@5m,for=90s,times=2",
      "",
      "After --duration (simulated) the streams stay open with keep-alives only and new streams get",
      "':ok' and keep-alives: the devices went quiet, the cloud did not.",
    })
public final class SimulateCommand implements Callable<Integer> {
  static final String TOKEN_ENV = "PARTICLE_ACCESS_TOKEN";

  @Option(
      names = "--port",
      paramLabel = "N",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port = 0;

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind = "127.0.0.1";

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description =
          "An accepted access token (repeatable). Default: the value of "
              + TOKEN_ENV
              + "; if that is unset too, any non-empty token is accepted (and the simulator"
              + " says so).")
  List<String> tokens = new ArrayList<>();

  @Option(
      names = "--speed",
      paramLabel = "N",
      description =
          "Simulated seconds per real second, e.g. 1440 = a day in a minute (default: 1).")
  double speed = 1;

  @Option(
      names = "--start",
      paramLabel = "WHEN",
      description =
          "Simulated clock start: an instant (2026-11-27T05:00:00Z) or a date (midnight in"
              + " --zone). Default: now; with --replay, the trace's first reading.")
  String start;

  @Option(
      names = "--duration",
      paramLabel = "D",
      description =
          "Simulated time after which no more events are published, e.g. 2d (default: none).")
  String duration;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description =
          "Seed of the home's models: same seed, same readings (default: ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--hold-clock",
      description = "Hold the simulated clock at --start until the first event stream opens.")
  boolean holdClock;

  @Option(
      names = "--events",
      paramLabel = "LIST",
      split = ",",
      description =
          "Events published per reading, comma-separated: power, rms_current, rms_voltage (all"
              + " three like the original firmware; default: power).")
  List<String> events = new ArrayList<>(List.of("power"));

  @Option(
      names = "--zone",
      paramLabel = "ZONE",
      description =
          "The demo home's time zone (meal times, nights; --homes have their own zones;"
              + " default: ${DEFAULT-VALUE}).")
  String zone = "America/New_York";

  @Option(
      names = "--replay",
      paramLabel = "FILE",
      description =
          "Stream this CSV trace (tracebase or AMPds2 format) instead of the home's models"
              + " (default: none).")
  Path replay;

  @Option(
      names = "--replay-device",
      paramLabel = "ID",
      description = "Device id of the replayed trace (default: ${DEFAULT-VALUE}).")
  String replayDevice = ReplayTrace.DEFAULT_DEVICE;

  @Option(
      names = "--replay-zone",
      paramLabel = "ZONE",
      description = "Zone of a tracebase trace's naive times (default: ${DEFAULT-VALUE}).")
  String replayZone = "Europe/Berlin";

  @Option(
      names = "--fault",
      paramLabel = "SPEC",
      description = "Inject a fault on a schedule (repeatable; syntax below; default: none).")
  List<String> faults = new ArrayList<>();

  @Option(
      names = "--sent-log",
      paramLabel = "FILE",
      description =
          "Write a line per event sent: coreid, event, published_at, data, stream number,"
              + " tab-separated; faults as '#' lines (default: none).")
  Path sentLog;

  @Option(
      names = "--keep-alive",
      paramLabel = "D",
      description = "Real time between keep-alive blank lines on an idle stream (default: 5s).")
  String keepAlive = "5s";

  @Option(
      names = "--status-every",
      paramLabel = "D",
      description = "Real time between status lines on stderr (default: 10s).")
  String statusEvery = "10s";

  @ArgGroup(
      validate = false,
      heading =
          "%nCommunity: many homes on one product stream, or their readings straight to Parquet:%n")
  CommunityOptions community = new CommunityOptions();

  Map<String, String> env = System.getenv();
  PrintStream stdout = System.out;
  PrintStream stderr = System.err;

  @Override
  public Integer call() throws InterruptedException {
    community.check(replay != null);
    if (community.generating()) {
      return community.generate(seed, start, stdout);
    }
    ParticleCloudSimulator cloud;
    try {
      cloud = builder().build();
    } catch (IllegalArgumentException | DateTimeException | UncheckedIOException e) {
      throw new UserException(e.getMessage());
    }
    try {
      community.writeFiles(seed, stderr);
      cloud.start();
    } catch (UncheckedIOException | UserException e) {
      cloud.close();
      throw e instanceof UserException user ? user : new UserException(e.getMessage());
    }
    stdout.println("listening on " + cloud.baseUri());
    stdout.flush();
    StatusLine status = new StatusLine(cloud, stderr);
    status.describeStart(replay, community.streaming(seed), tokens.isEmpty() && !hasEnvToken());
    status.untilStopped(stdout, duration("--status-every", statusEvery).toMillis());
    return 0;
  }

  private boolean hasEnvToken() {
    String value = env.get(TOKEN_ENV);
    return value != null && !value.isBlank();
  }

  ParticleCloudSimulator.Builder builder() {
    ZoneId homeZone = zone("--zone", zone);
    Set<String> accepted = new LinkedHashSet<>(tokens);
    if (accepted.isEmpty() && hasEnvToken()) {
      accepted.add(env.get(TOKEN_ENV).strip());
    }
    ParticleCloudSimulator.Builder b =
        ParticleCloudSimulator.builder()
            .bind(bind)
            .port(port)
            .tokens(accepted)
            .speed(speed)
            .seed(seed)
            .zone(homeZone)
            .holdClockUntilFirstStream(holdClock)
            .keepAlive(duration("--keep-alive", keepAlive))
            .events(readingEvents());
    community.apply(b, seed);
    if (start != null) {
      b.start(instant(start, homeZone));
    }
    if (duration != null) {
      b.duration(duration("--duration", duration));
    }
    if (replay != null) {
      b.replay(replay, replayDevice).replayZone(zone("--replay-zone", replayZone));
    }
    if (sentLog != null) {
      b.sentLog(sentLog);
    }
    for (String spec : faults) {
      try {
        b.fault(Fault.parse(spec));
      } catch (IllegalArgumentException e) {
        throw new UserException("--fault: " + e.getMessage());
      }
    }
    return b;
  }

  private Set<ReadingEvent> readingEvents() {
    Set<ReadingEvent> out = EnumSet.noneOf(ReadingEvent.class);
    for (String name : events) {
      try {
        out.add(ReadingEvent.fromName(name.strip()));
      } catch (IllegalArgumentException e) {
        throw new UserException("--events: " + e.getMessage());
      }
    }
    return out;
  }

  static Duration duration(String option, String text) {
    try {
      return Durations.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UserException(option + ": " + e.getMessage());
    }
  }

  static ZoneId zone(String option, String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new UserException(option + ": unknown time zone '" + text + "'");
    }
  }

  static Instant instant(String text, ZoneId zone) {
    try {
      return Instant.parse(text);
    } catch (DateTimeException notInstant) {
      // try the other forms
    }
    try {
      return LocalDate.parse(text).atStartOfDay(zone).toInstant();
    } catch (DateTimeException notDate) {
      // try the other forms
    }
    try {
      return LocalDateTime.parse(text).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw new UserException(
          "--start: '"
              + text
              + "' is not an instant (2026-11-27T05:00:00Z) or a date (2026-11-27)");
    }
  }
}
