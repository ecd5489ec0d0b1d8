package org.p2penergy.collector.simulate;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * A Particle-compatible cloud on loopback: the event-stream paths, the device listing and the token
 * check of the real cloud, streaming the measured demo home (or a replayed trace) on a simulated
 * clock that may run many times faster than real time, with scheduled faults.
 *
 * <pre>{@code
 * try (ParticleCloudSimulator cloud =
 *     ParticleCloudSimulator.builder().tokens(Set.of("t")).seed(7).speed(600).build().start()) {
 *   URI events = cloud.baseUri().resolve("/v1/devices/events");
 *   ...
 * }
 * }</pre>
 */
public final class ParticleCloudSimulator implements AutoCloseable {
  /** The {@code userid} of product-stream events. */
  static final String USER_ID = "5f0e3a9c1b2d4e0017a1b2c3";

  private final Builder config;
  private final CloudState state;
  private final String replaySummary;
  private final TokenCheck tokens;
  private HttpServer server;
  private ExecutorService executor;

  private ParticleCloudSimulator(Builder config, CloudState state, String replaySummary) {
    this.config = config;
    this.state = state;
    this.replaySummary = replaySummary;
    this.tokens = new TokenCheck(config.tokens);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds the port and starts answering. Returns this, for chaining. */
  public synchronized ParticleCloudSimulator start() {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    // Without it the JDK server leaves Nagle on and small flushes wait for the peer's delayed ACK.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    try {
      server =
          HttpServer.create(
              new InetSocketAddress(InetAddress.getByName(config.bind), config.port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + config.bind + ":" + config.port + ": " + e.getMessage(), e);
    }
    AtomicInteger threads = new AtomicInteger();
    executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "particle-sim-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", new CloudHandler(state, tokens));
    if (!config.holdClock) {
      state.clock.run();
    }
    server.start();
    return this;
  }

  /** {@code http://127.0.0.1:PORT} (the bound address and the real port, also for port 0). */
  public synchronized URI baseUri() {
    if (server == null) {
      throw new IllegalStateException("the simulator has not been started");
    }
    InetSocketAddress address = server.getAddress();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort());
  }

  /** Events written and flushed to subscribers so far, over all connections. */
  public long eventsSent() {
    return state.eventsSent.sum();
  }

  /** Faults injected so far (each drop, stall, error answer, malformed or oversized event). */
  public long faultsInjected() {
    return state.faultsInjected.sum();
  }

  /** Event streams open now. */
  public int openStreams() {
    return state.openStreams.get();
  }

  /** Event streams opened since the start. */
  public int streamsOpened() {
    return state.streamsOpened.get();
  }

  /** The simulated clock now (it stops at the end of the duration). */
  public Instant simulatedNow() {
    return Instant.ofEpochMilli(state.simulatedNowMillis());
  }

  /** The simulated start. */
  public Instant simulatedStart() {
    return Instant.ofEpochMilli(state.clock.startMillis());
  }

  /** The simulated end (start + duration, or the end of the replayed trace), if there is one. */
  public Optional<Instant> simulatedEnd() {
    return state.endMillis == Long.MAX_VALUE
        ? Optional.empty()
        : Optional.of(Instant.ofEpochMilli(state.endMillis));
  }

  /** True once the simulated clock has reached the end: no more events will be published. */
  public boolean finished() {
    return state.finished();
  }

  /** The device ids this cloud streams. */
  public List<String> deviceIds() {
    return state.home.devices().stream().map(DeviceTimeline::deviceId).toList();
  }

  /** True when no token was configured, so any non-empty token is accepted. */
  public boolean acceptsAnyToken() {
    return tokens.acceptsAny();
  }

  /** For a replay: the file, its readings and the bad rows skipped; empty otherwise. */
  public Optional<String> replaySummary() {
    return Optional.ofNullable(replaySummary);
  }

  /** Injects a fault now (its {@code at} counts from this call). */
  public void inject(Fault fault) {
    state.faults.inject(fault);
  }

  /** Ends every stream (their bodies end cleanly), stops the server and closes the sent log. */
  @Override
  public synchronized void close() {
    state.closing.set(true);
    if (server != null) {
      server.stop(0);
      executor.shutdownNow();
      try {
        executor.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    state.sentLog.close();
  }

  /** Settings of a simulator; every one has a default, see the setters. */
  public static final class Builder {
    private String bind = "127.0.0.1";
    private int port = 0;
    private Set<String> tokens = Set.of();
    private long seed = 1;
    private double speed = 1;
    private Instant start;
    private Duration duration;
    private Path replay;
    private String replayDevice = ReplayTrace.DEFAULT_DEVICE;
    private ZoneId replayZone = ReplayTrace.TRACEBASE_ZONE;
    private final List<Fault> faults = new ArrayList<>();
    private Path sentLog;
    private Duration keepAlive = Duration.ofSeconds(5);
    private ZoneId zone = ZoneId.of("America/New_York");
    private Set<ReadingEvent> events = EnumSet.of(ReadingEvent.POWER);
    private boolean holdClock;
    private long productId = 20115;
    private SimulatedCommunity community;
    private Clock wallClock = Clock.systemUTC();
    private LongSupplier nanoTime = System::nanoTime;

    private Builder() {}

    /** The address to listen on; default 127.0.0.1. */
    public Builder bind(String address) {
      this.bind = address;
      return this;
    }

    /** The port; default 0 (any free port, see {@link #baseUri()}). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** The accepted access tokens; default none configured, which accepts any non-empty token. */
    public Builder tokens(Set<String> tokens) {
      this.tokens = Set.copyOf(tokens);
      return this;
    }

    /** The seed of the home's models; default 1. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Simulated seconds per real second; default 1. */
    public Builder speed(double speed) {
      this.speed = speed;
      return this;
    }

    /** Where the simulated clock starts; default now (or the replayed trace's first reading). */
    public Builder start(Instant start) {
      this.start = start;
      return this;
    }

    /** Simulated time after which no more events are published; default unbounded. */
    public Builder duration(Duration duration) {
      this.duration = duration;
      return this;
    }

    /** Streams this CSV trace (tracebase or AMPds2 format) instead of the home's models. */
    public Builder replay(Path trace) {
      this.replay = trace;
      return this;
    }

    /** Streams this trace as device {@code deviceId}. */
    public Builder replay(Path trace, String deviceId) {
      this.replay = trace;
      this.replayDevice = deviceId;
      return this;
    }

    /** The zone of a tracebase trace's naive times; default Europe/Berlin. */
    public Builder replayZone(ZoneId zone) {
      this.replayZone = zone;
      return this;
    }

    /** Faults to inject (times in real time from the first request); default none. */
    public Builder faults(List<Fault> faults) {
      this.faults.addAll(faults);
      return this;
    }

    public Builder fault(Fault fault) {
      this.faults.add(fault);
      return this;
    }

    /** Writes every event sent to this file (see {@link SentLog}); default none. */
    public Builder sentLog(Path file) {
      this.sentLog = file;
      return this;
    }

    /** Real time between keep-alive blank lines on an idle stream; default 5 s. */
    public Builder keepAlive(Duration interval) {
      this.keepAlive = interval;
      return this;
    }

    /** The home's zone (meal times, day and night); default America/New_York. */
    public Builder zone(ZoneId zone) {
      this.zone = zone;
      return this;
    }

    /** The events each reading is published as; default {@code power} only. */
    public Builder events(Set<ReadingEvent> events) {
      this.events = EnumSet.copyOf(events);
      return this;
    }

    /**
     * Holds the simulated clock at the start until the first event stream opens, so the first
     * subscriber sees the whole period from the start; default false (the clock runs from build).
     */
    public Builder holdClockUntilFirstStream(boolean hold) {
      this.holdClock = hold;
      return this;
    }

    /** The {@code productID} of product-stream events whose path names a slug; default 20115. */
    public Builder productId(long productId) {
      this.productId = productId;
      return this;
    }

    /** Streams every home of this community instead of the demo home (its seed, its zones). */
    public Builder community(SimulatedCommunity community) {
      this.community = community;
      return this;
    }

    /** The wall clock for the default start; default the system clock. */
    public Builder wallClock(Clock clock) {
      this.wallClock = clock;
      return this;
    }

    /** The real-time source the simulated clock and faults run on; default System::nanoTime. */
    public Builder nanoTime(LongSupplier nanoTime) {
      this.nanoTime = nanoTime;
      return this;
    }

    /**
     * Checks the settings and builds the simulator (not yet listening: call {@link #start()}).
     *
     * @throws IllegalArgumentException with a one-line message for a bad setting or trace
     */
    public ParticleCloudSimulator build() {
      BuilderChecks.check(speed, port, duration, keepAlive, events);
      SimulatedHome home;
      String replaySummary = null;
      long startMillis;
      long endMillis = Long.MAX_VALUE;
      if (replay != null) {
        ReplayTrace trace = ReplayTrace.read(replay, replayZone);
        long shift = start == null ? 0 : start.toEpochMilli() - trace.firstMillis();
        home = new SimulatedHome(List.of(trace.timeline(replayDevice, shift)));
        startMillis = trace.firstMillis() + shift;
        endMillis = trace.lastMillis() + shift + 1;
        replaySummary =
            replay + ": " + trace.size() + " readings, " + trace.skipped + " bad rows skipped";
      } else {
        home =
            community == null
                ? SimulatedHome.measured(seed, zone, events)
                : SimulatedHome.of(community, events);
        startMillis = (start != null ? start : wallClock.instant()).toEpochMilli();
      }
      if (duration != null) {
        endMillis = Math.min(endMillis, startMillis + duration.toMillis());
      }
      SimClock clock = new SimClock(startMillis, speed, nanoTime);
      FaultSchedule schedule = new FaultSchedule(faults, nanoTime);
      SentLog log = sentLog == null ? SentLog.none() : SentLog.open(sentLog);
      CloudState state =
          new CloudState(home, clock, schedule, log, endMillis, keepAlive.toNanos(), productId);
      return new ParticleCloudSimulator(this, state, replaySummary);
    }
  }
}
