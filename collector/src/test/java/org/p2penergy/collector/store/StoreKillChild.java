package org.p2penergy.collector.store;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.p2penergy.home.config.CollectorSettings;

/**
 * The child JVM of {@link StoreKillIT}: appends readings as fast as it can to a store with a short
 * group fsync, small files and frequent rolls, and prints {@code synced N} after each fsync, until
 * it is killed. Run {@code k} uses device {@code run-k}, value {@code i} and ts {@code T0 + i ms}.
 */
public final class StoreKillChild {
  static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    String device = "run-" + args[1];
    CollectorSettings settings =
        new CollectorSettings(
            Duration.ofMillis(20), Duration.ofMillis(300), 4000, Duration.ofSeconds(60));
    StoreListener listener =
        new StoreListener() {
          @Override
          public void synced(long durable) {
            System.out.println("synced " + durable);
            System.out.flush();
          }

          @Override
          public void problem(String message) {
            System.err.println("problem: " + message);
          }
        };
    DurableStore store =
        DurableStore.builder(data)
            .settings(settings)
            .clock(Clock.systemUTC())
            .listener(listener)
            .open();
    System.out.println("open");
    System.out.flush();
    for (long i = 0; ; i++) {
      Instant ts = T0.plusMillis(i);
      store.accept(new Reading(device, "power", ts, Instant.now(), i));
      if (i % 64 == 0) Thread.sleep(1); // a collector is not a tight loop; let fsyncs interleave
    }
  }
}
