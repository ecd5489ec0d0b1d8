package org.p2penergy.collector.simulate;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import org.p2penergy.home.cli.UserException;
import picocli.CommandLine.Option;

/**
 * The community options of {@code simulate}, one group of their own in {@code --help}: {@code
 * --homes N} streams N simulated homes instead of the demo home, {@code --write-community} writes
 * their files, {@code --generate} writes their readings straight to Parquet instead of serving.
 */
final class CommunityOptions {
  static final long DEFAULT_PRODUCT = 20115;

  @Option(
      names = "--homes",
      paramLabel = "N",
      description = {
        "Simulate a community of N homes (home-001 ...) instead of the demo home: each a fixed mix,"
            + " drawn from --seed, of a fridge (sizes and door habits differ) and 2-4 of"
            + " microwave, kettle, washing machine, computer; zones New York, Berlin, Los Angeles"
            + " in turn; home n is the same for any N. Stream them on"
            + " /v1/products/ID/events (the other stream paths work too)."
      })
  Integer homes;

  @Option(
      names = "--appliances",
      paramLabel = "N",
      description =
          "Every home with exactly N appliances (1-5: a fridge and N-1 of the others, drawn by"
              + " the same weights) instead of its own mix of 3-5; e.g. benchmarks of 3 devices"
              + " a home.")
  Integer appliances;

  @Option(
      names = "--product",
      paramLabel = "ID",
      description =
          "The community's product id: the path of the stream it announces, and the productID of"
              + " events on a product stream named by slug (default: ${DEFAULT-VALUE}).")
  long product = DEFAULT_PRODUCT;

  @Option(
      names = "--write-community",
      paramLabel = "DIR",
      description =
          "Write DIR/community.yaml and DIR/homes/home-NNN.yaml for the N homes before listening"
              + " (storage: DIR/data), ready for collect --community and analyze --community.")
  Path writeCommunity;

  @Option(
      names = "--generate",
      paramLabel = "DIR",
      description = {
        "Do not serve: write the community's readings straight to Parquet, one reading a second"
            + " per appliance for --days local days from --start (a date) in each home's zone, and"
            + " exit. Writes DIR/community.yaml, DIR/homes/, DIR/data/readings/home=H/date=D/ and"
            + " DIR/expected.csv (home, device_id, kind, date, readings, kwh: the left-rule kWh"
            + " of each local day's readings after the 5.5 W noise floor, from the models alone)."
      })
  Path generate;

  @Option(
      names = "--days",
      paramLabel = "D",
      description = "With --generate: how many local days (default: ${DEFAULT-VALUE}).")
  int days = 1;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "With --generate: files written at once (default: the machine's cores).")
  Integer threads;

  private SimulatedCommunity community;

  boolean generating() {
    return generate != null;
  }

  /** Checks the combination with the other options; throws a one-line {@link UserException}. */
  void check(boolean replay) {
    if (homes == null) {
      for (Object given : new Object[] {writeCommunity, generate}) {
        if (given != null) {
          throw new UserException("--write-community and --generate need --homes N");
        }
      }
      if (product != DEFAULT_PRODUCT) throw new UserException("--product needs --homes N");
      if (appliances != null) throw new UserException("--appliances needs --homes N");
      return;
    }
    if (replay) throw new UserException("give --homes or --replay, not both");
    if (generate != null && writeCommunity != null) {
      throw new UserException(
          "--generate writes the community files into its own DIR; leave out --write-community");
    }
    if (generate == null && (days != 1 || threads != null)) {
      throw new UserException("--days and --threads go with --generate");
    }
  }

  SimulatedCommunity community(long seed) {
    if (community == null) {
      try {
        community =
            SimulatedCommunity.of(seed, homes, appliances == null ? HomeMix.DRAWN_MIX : appliances);
      } catch (IllegalArgumentException e) {
        throw new UserException(e.getMessage());
      }
    }
    return community;
  }

  /** Streams the community (with --homes) from the simulator being built. */
  void apply(ParticleCloudSimulator.Builder builder, long seed) {
    if (homes != null) {
      builder.community(community(seed)).productId(product);
    }
  }

  /** For the start line on stderr; null without --homes. */
  String streaming(long seed) {
    if (homes == null) return null;
    SimulatedCommunity c = community(seed);
    long devices = c.homes().stream().mapToLong(h -> h.appliances().size()).sum();
    return String.format(
        Locale.ROOT,
        "a community of %d homes (%d devices) on /v1/products/%d/events",
        c.size(),
        devices,
        product);
  }

  /** With --write-community, writes the files and says so on {@code err}. */
  void writeFiles(long seed, PrintStream err) {
    if (writeCommunity == null) return;
    try {
      Path file = CommunityFiles.write(writeCommunity, community(seed));
      err.println("simulate: wrote " + file + " and " + homes + " home files");
    } catch (IOException e) {
      throw new UserException("--write-community: cannot write " + writeCommunity + ": " + e);
    }
  }

  /** Runs --generate; returns the exit code. */
  int generate(long seed, String start, PrintStream out) throws InterruptedException {
    LocalDate first;
    try {
      first = LocalDate.parse(start == null ? "" : start);
    } catch (DateTimeException e) {
      throw new UserException(
          "--generate needs --start DATE (2026-11-23): days start at midnight in each home's zone");
    }
    int cores = Runtime.getRuntime().availableProcessors();
    CommunityGenerator.Result r;
    try {
      r =
          CommunityGenerator.generate(
              new CommunityGenerator.Settings(
                  generate,
                  seed,
                  homes,
                  appliances == null ? HomeMix.DRAWN_MIX : appliances,
                  first,
                  days,
                  threads == null ? cores : threads));
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    } catch (IOException e) {
      throw new UserException("--generate: " + e.getMessage());
    }
    out.printf(
        Locale.ROOT,
        "simulate: generated %d readings of %d homes x %d days in %d files under %s"
            + " (%.1f MB, %.2f bytes/reading) in %.1f s: %.0f readings/s%n",
        r.readings(),
        homes,
        days,
        r.files(),
        generate.resolve(CommunityFiles.DATA),
        r.bytes() / 1e6,
        r.bytesPerReading(),
        r.seconds(),
        r.readingsPerSecond());
    out.println(
        "simulate: wrote "
            + generate.resolve(CommunityFiles.COMMUNITY_FILE)
            + " and "
            + generate.resolve(ExpectedEnergy.FILE));
    out.flush();
    return 0;
  }
}
