package org.p2penergy.collector.stream;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.collector.upload.CollectUploads;
import org.p2penergy.collector.upload.UploadLoop;
import org.p2penergy.home.cli.DurationConverter;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.CollectorSettings;
import org.p2penergy.home.config.CommunityConfig;
import org.p2penergy.home.config.CommunityLoader;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.DeviceHomes;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.config.ParticleSettings;
import org.p2penergy.home.config.SecretSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code p2penergy collect}: the collector daemon. Parses options, wires parts, handles SIGTERM.
 */
@Command(
    name = "collect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Subscribe to the Particle Cloud event stream and store every reading durably:"
          + " write-ahead spool on local disk, rolled into DATA/readings/home=H/date=D/*.parquet."
          + " Rejected events go to DATA/quarantine/, stream-down periods to DATA/outages/.",
      "Reconnects by itself (backoff, Retry-After, <= 80 opens per 5 min); exits 3 if the cloud"
          + " refuses the token; SIGTERM flushes, rolls and exits 0.",
      "The token comes from $PARTICLE_ACCESS_TOKEN (or the config's token_env/token_file) or"
          + " --token-file; it is sent only as an Authorization header.",
      "With an s3:// storage block in the config, every file written is also uploaded to the"
          + " store (see 'p2penergy upload --help'); the status line says what waits."
    })
public final class CollectCommand implements Callable<Integer> {
  /** How long SIGTERM may take before the JVM gives up waiting (systemd's default is 90 s). */
  static final long SHUTDOWN_GRACE_MS = 20_000;

  // Checked in call(), not by picocli: an unknown option is the better first message.
  @Option(names = "--data", paramLabel = "DIR", description = "data directory (required)")
  Path data;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "home config (p2penergy.yaml): particle and collector keys; options win")
  Path config;

  @Option(
      names = "--community",
      paramLabel = "FILE",
      description =
          "collect for every home of this community.yaml from one product stream (--stream):"
              + " each device's readings go to its home; a device of no home is quarantined")
  Path community;

  @Option(
      names = "--stream",
      paramLabel = "URL",
      description =
          "Particle event stream (default: "
              + "https://api.particle.io/v1/devices/events; also /v1/devices/{id}/events,"
              + " /v1/events, /v1/products/{p}/events)")
  String stream;

  @Option(
      names = "--event-prefix",
      paramLabel = "PREFIX",
      description = "only events whose name starts with PREFIX (default: all)")
  String eventPrefix;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "read the access token from FILE instead of $PARTICLE_ACCESS_TOKEN")
  Path tokenFile;

  @Option(
      names = "--fsync-interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "group fsync of the spool this often (default: 1s; 0 = after every event)")
  Duration fsyncInterval;

  @Option(
      names = "--roll",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "roll the spool into a Parquet file this often (default: 1h)")
  Duration roll;

  @Option(
      names = "--max-rows-per-file",
      paramLabel = "N",
      description = "also roll when the spool holds N rows (default: 1000000)")
  Integer maxRowsPerFile;

  @Option(
      names = "--read-timeout",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "reconnect when no byte arrives for this long (default: 60s)")
  Duration readTimeout;

  @Option(
      names = "--status-interval",
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "print the status line this often (default: 1m)")
  Duration statusInterval;

  @Option(names = "--trace-sync", hidden = true, description = "print a line after each fsync")
  boolean traceSync;

  // The environment the token may come from; tests replace it.
  Map<String, String> environment = System.getenv();

  @Override
  public Integer call() throws IOException {
    quietLibraries();
    if (stream != null) {
      streamOption(stream); // named first: a URL with a pasted token is refused before anything
    }
    if (data == null) {
      throw new UserException("missing required option --data DIR");
    }
    if (community != null && config != null) {
      throw new UserException(
          "give --config (one home) or --community (a product stream), not both");
    }
    CommunityConfig homes =
        community != null
            ? CommunityLoader.load(community)
            : CommunityConfig.of(
                config == null ? ConfigLoader.defaults() : ConfigLoader.load(config), config);
    if (community != null && stream == null) {
      throw new UserException(
          "--community needs --stream URL: the community's product stream"
              + " (.../v1/products/{id}/events)");
    }
    // A community file has no particle: or collector: block; a home file's are used.
    HomeConfig home = community != null ? ConfigLoader.defaults() : homes.homes().get(0).config();
    CollectSettings settings = settings(home, homes);
    String token = token(home.particle());
    Clock clock = Clock.systemUTC();
    UploadLoop uploads =
        CollectUploads.loop(
            settings.dataDir(),
            community != null ? homes.storage() : home.storage(),
            settings.homes(),
            community != null ? null : home.home().id(),
            clock,
            System.out,
            System.getenv());
    Collector.Sinks sinks;
    try {
      Files.createDirectories(settings.dataDir());
      sinks =
          StoreWiring.open(
              settings,
              clock,
              System.out,
              IoFaults.NONE,
              uploads == null ? file -> {} : uploads::fileWritten);
    } catch (IOException e) {
      // In use by another collector, unwritable, full: one line; exit 1 lets systemd retry.
      throw new UserException("cannot open " + settings.dataDir() + ": " + why(e), 1);
    }
    Collector collector = new Collector(settings, token, sinks, clock, System.out);
    Thread hook = new Thread(() -> onSigterm(collector), "collect-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    if (uploads == null) {
      return collector.run();
    }
    collector.statusTail(() -> StatusLine.upload(uploads.status(), clock.instant()));
    uploads.start();
    try {
      return collector.run();
    } finally {
      uploads.close();
    }
  }

  /**
   * SIGTERM: stop reading, let {@link Collector#run} close the store (flush and roll), then end the
   * JVM with 0. A JVM ending on a signal would otherwise report 143 to systemd.
   */
  private static void onSigterm(Collector collector) {
    if (collector.isFinished()) {
      return; // run() already ended (exit 3 or an error): keep its exit code
    }
    System.out.println("collect: SIGTERM, flushing and rolling the spool");
    collector.stop();
    boolean done;
    try {
      done = collector.awaitFinished(SHUTDOWN_GRACE_MS);
    } catch (InterruptedException e) {
      done = false;
    }
    System.out.flush();
    System.err.flush();
    Runtime.getRuntime().halt(done ? 0 : 1);
  }

  /** An I/O failure in words: file-system exceptions carry only the path as their message. */
  static String why(IOException e) {
    if (e instanceof java.nio.file.FileSystemException f) {
      String kind =
          e instanceof java.nio.file.AccessDeniedException
              ? "permission denied"
              : e instanceof java.nio.file.NoSuchFileException
                  ? "no such file or directory"
                  : f.getReason() != null ? f.getReason() : e.getClass().getSimpleName();
      return f.getFile() + ": " + kind;
    }
    return e.getMessage();
  }

  /** Parquet logs through SLF4J: warnings only, so the journal holds the collector's lines. */
  static void quietLibraries() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  CollectSettings settings(HomeConfig home) {
    return settings(home, CommunityConfig.of(home, config));
  }

  CollectSettings settings(HomeConfig home, CommunityConfig homes) {
    ParticleSettings particle = home.particle();
    CollectorSettings base = home.collector();
    CollectorSettings store =
        new CollectorSettings(
            duration("--fsync-interval", fsyncInterval, base.fsyncInterval(), true),
            duration("--roll", roll, base.roll(), false),
            maxRowsPerFile == null ? base.maxRowsPerFile() : positive(maxRowsPerFile),
            duration("--read-timeout", readTimeout, base.readTimeout(), false));
    URI url =
        StreamUrls.stream(
            stream == null ? particle.streamUrl() : streamOption(stream),
            eventPrefix == null ? particle.eventPrefix() : Optional.of(eventPrefix));
    return new CollectSettings(
        data,
        url,
        store,
        duration(
            "--status-interval", statusInterval, CollectSettings.DEFAULT_STATUS_INTERVAL, false),
        traceSync,
        tokenSource(particle).toString(),
        homes.homes().stream().map(CommunityConfig.Member::id).toList(),
        community != null ? homes.deviceHomes() : DeviceHomes.single(home.home().id()));
  }

  /** The {@code --stream} URL, checked like the config's stream_url; the message is redacted. */
  private static URI streamOption(String text) {
    try {
      return ConfigLoader.streamUri(text);
    } catch (IllegalArgumentException e) {
      throw new UserException("--stream: " + e.getMessage());
    }
  }

  SecretSource tokenSource(ParticleSettings particle) {
    return tokenFile == null ? particle.token() : SecretSource.fromFile(tokenFile);
  }

  String token(ParticleSettings particle) {
    SecretSource source = tokenSource(particle);
    if (source.file() != null) {
      warnIfShared(source.file());
    }
    return source.resolve(environment);
  }

  private static void warnIfShared(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      if (perms.contains(PosixFilePermission.GROUP_READ)
          || perms.contains(PosixFilePermission.OTHERS_READ)) {
        System.err.println(
            "collect: warning: token file "
                + file
                + " is readable by group or others; run: chmod 600 "
                + file);
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Missing files are reported when the token is read; non-POSIX file systems cannot tell.
    }
  }

  private static Duration duration(
      String option, Duration value, Duration fallback, boolean zeroOk) {
    if (value == null) {
      return fallback;
    }
    if (value.isZero() && !zeroOk) {
      throw new UserException(option + ": must be more than 0");
    }
    return value;
  }

  private static int positive(int n) {
    if (n < 1) {
      throw new UserException("--max-rows-per-file: must be at least 1");
    }
    return n;
  }
}
