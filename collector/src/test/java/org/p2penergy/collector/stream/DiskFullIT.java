package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.collector.store.Reading;

/**
 * A full disk while streaming (acted out with the store's I/O seam): one clear message, no corrupt
 * file, nothing accepted lost, and storing goes on when space returns.
 */
class DiskFullIT {
  private static final String TOKEN = "disk-full-token";
  @TempDir Path dir;

  @Test
  void keepsStreamingThroughAFullDiskAndStoresAgainWhenSpaceReturns() throws Exception {
    AtomicBoolean full = new AtomicBoolean();
    IoFaults faults =
        file -> {
          if (full.get()) {
            throw new IOException("No space left on device");
          }
        };
    Path data = dir.resolve("data");
    long accepted;
    try (ParticleCloudSimulator cloud =
        ParticleCloudSimulator.builder()
            .tokens(Set.of(TOKEN))
            .seed(2)
            .speed(60)
            .start(Instant.parse("2026-11-27T15:00:00Z"))
            .sentLog(dir.resolve("sent.log"))
            .build()
            .start()) {
      CollectSettings settings =
          InProcessCollector.settings(
              data, cloud.baseUri().resolve("/v1/devices/events"), Duration.ofSeconds(30));
      try (InProcessCollector c =
          new InProcessCollector(
              settings, TOKEN, out -> StoreWiring.open(settings, Clock.systemUTC(), out, faults))) {
        c.await("readings before the disk fills", () -> c.collector.counters().readings() > 5);
        full.set(true);
        c.await("the full-disk message", () -> c.output().contains("No space left on device"));
        long stored = c.collector.counters().readings();
        Thread.sleep(500); // events keep arriving while the disk is full
        full.set(false);
        c.await("readings stored again", () -> c.collector.counters().readings() > stored + 10);
        c.close();
        assertThat(c.exitCode.get()).isZero();
        accepted = c.collector.counters().readings();
        // One clear line for the problem, not one per retry.
        assertThat(c.output().split("No space left on device", -1)).hasSize(2);
      }
    }
    List<Reading> rows = DataCheck.storedRows(data); // every file readable
    // Nothing the collector accepted was lost: the readings that arrived while the disk was full
    // waited in the spool's buffer and were written when space came back.
    assertThat(rows).hasSize((int) accepted);
    Set<String> keys = new HashSet<>();
    rows.forEach(r -> assertThat(keys.add(DataCheck.key(r))).isTrue());
    Set<String> sent = DataCheck.sent(dir.resolve("sent.log"));
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(sent).contains(DataCheck.sentForm(r)));
  }
}
