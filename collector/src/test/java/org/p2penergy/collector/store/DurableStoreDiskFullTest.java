package org.p2penergy.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.config.CollectorSettings;

/**
 * A full disk under the store: on a real 2 MiB tmpfs when the test may mount one (root, as in CI),
 * else acted out with the {@link IoFaults} seam. What counts is what is durable; what the store
 * refuses is refused at once and counted; nothing counted is missing from Parquet.
 */
class DurableStoreDiskFullTest {
  static final String FRIDGE = "34003d000547363332363639";
  static final Instant T0 = Instant.parse("2026-11-27T10:20:00Z");

  @TempDir Path tmp;
  final MutableClock clock = new MutableClock(T0);
  final List<String> events = new ArrayList<>();
  final AtomicLong synced = new AtomicLong();
  final AtomicBoolean seamFull = new AtomicBoolean();
  final AtomicBoolean failSync = new AtomicBoolean();
  final AtomicLong writes = new AtomicLong();
  SmallDisk disk;
  Path data;

  final StoreListener listener =
      new StoreListener() {
        @Override
        public void synced(long durable) {
          synced.set(durable);
        }

        @Override
        public void unwritable(Instant since, String reason, String detail) {
          events.add("unwritable " + since + " " + reason);
        }

        @Override
        public void writable(Instant since, Instant until, String reason, long refused) {
          events.add("writable " + since + " " + until + " " + reason + " " + refused);
        }
      };

  final IoFaults faults =
      new IoFaults() {
        @Override
        public void beforeWrite(Path file) throws IOException {
          writes.incrementAndGet();
          if (seamFull.get()) throw new IOException("No space left on device");
        }

        @Override
        public void beforeSync(Path file) throws IOException {
          if (failSync.get()) throw new IOException("Input/output error");
        }
      };

  @BeforeEach
  void mount() throws Exception {
    disk = SmallDisk.mount(tmp.resolve("disk"), 2);
    data = disk != null ? disk.dir().resolve("data") : tmp.resolve("data");
    System.out.println(
        "disk full on " + (disk != null ? "a real 2 MiB tmpfs" : "the IoFaults seam (not root)"));
  }

  @AfterEach
  void unmount() throws Exception {
    if (disk != null) disk.close();
  }

  void fill() throws IOException {
    if (disk != null) disk.fill();
    else seamFull.set(true);
  }

  void free() throws IOException {
    if (disk != null) disk.free();
    else seamFull.set(false);
  }

  DurableStore store() throws IOException {
    return DurableStore.builder(data)
        .settings(
            new CollectorSettings(
                Duration.ofSeconds(1), Duration.ofHours(1), 1_000_000, Duration.ofSeconds(60)))
        .clock(clock)
        .listener(listener)
        .faults(faults)
        .background(false)
        .open();
  }

  static Reading reading(int i) {
    return new Reading(FRIDGE, "power", T0.plusSeconds(i), T0, i);
  }

  List<Double> stored() throws IOException {
    List<Double> values = new ArrayList<>();
    for (Path f : ReadingsFileReader.partFiles(data.resolve("readings"))) {
      for (Reading r : ReadingsFileReader.readAll(f)) values.add(r.value());
    }
    values.sort(null);
    return values;
  }

  /** Offers readings from {@code from} on until the store refuses one; returns the next index. */
  static int acceptUntilRefused(DurableStore store, int from, List<Double> accepted)
      throws IOException {
    for (int i = from; i < from + 200_000; i++) {
      try {
        store.accept(reading(i));
        accepted.add((double) i);
      } catch (StoreRefusedException e) {
        assertThat(e.reason()).isEqualTo("disk full");
        return i + 1;
      }
    }
    throw new AssertionError("the full disk never refused a reading");
  }

  @Test
  void aFullSpoolRefusesAtOnceCountsWhatItRefusedAndResumesByItself() throws Exception {
    List<Double> accepted = new ArrayList<>();
    DurableStore store = store();
    for (int i = 0; i < 100; i++) {
      store.accept(reading(i));
      accepted.add((double) i);
    }
    clock.advance(Duration.ofSeconds(1));
    store.tick();
    assertThat(synced.get()).isEqualTo(100);

    fill();
    clock.advance(Duration.ofSeconds(1));
    int next = acceptUntilRefused(store, 100, accepted);
    assertThat(events).containsExactly("unwritable " + clock.instant() + " disk full");

    // Refused at once: no write is even tried, and nothing is buffered, however many come.
    long writesBefore = writes.get();
    for (int i = next; i < next + 10_000; i++) {
      final int n = i;
      assertThatThrownBy(() -> store.accept(reading(n))).isInstanceOf(StoreRefusedException.class);
    }
    assertThat(writes.get()).isEqualTo(writesBefore);
    assertThat(store.counters().refused()).isEqualTo(1 + 10_000);
    assertThat(store.counters().unwritableReason()).isEqualTo("disk full");

    clock.advance(Duration.ofSeconds(1));
    store.tick(); // the retry fails: still full
    assertThat(events).hasSize(1);

    free();
    Instant back = clock.instant().plusSeconds(1);
    clock.set(back);
    store.tick(); // the retry works: everything accepted is durable now
    assertThat(events)
        .last()
        .isEqualTo("writable " + T0.plusSeconds(2) + " " + back + " disk full " + 10_001);
    assertThat(synced.get()).isEqualTo(accepted.size());
    assertThat(store.counters().unwritableReason()).isNull();

    for (int i = 300_000; i < 300_050; i++) {
      store.accept(reading(i));
      accepted.add((double) i);
    }
    store.close();
    StoreCounters c = store.counters();
    assertThat(c.synced()).isEqualTo(c.accepted()).isEqualTo(accepted.size());
    assertThat(c.lost()).isEqualTo(10_001);
    assertThat(stored()).isEqualTo(accepted);
  }

  @Test
  void aCloseOnAFullDiskIsQuickKeepsWhatIsDurableAndCountsTheRest() throws Exception {
    List<Double> accepted = new ArrayList<>();
    DurableStore store = store();
    // No tick: nothing is fsynced yet, but the 64 KiB buffer is written each time it fills.
    for (int i = 0; i < 3000; i++) {
      store.accept(reading(i));
      accepted.add((double) i);
    }
    fill();
    acceptUntilRefused(store, 3000, accepted);

    long start = System.nanoTime();
    assertThatThrownBy(store::close)
        .isInstanceOf(IOException.class)
        .hasMessageContaining("No space left on device");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    StoreCounters c = store.counters();
    // What the file held before the disk filled was fsynced and counted; the buffer was not.
    assertThat(c.synced()).isPositive();
    assertThat(c.unstored()).isPositive();
    assertThat(c.synced() + c.unstored()).isEqualTo(c.accepted()).isEqualTo(accepted.size());
    assertThat(c.lost()).isEqualTo(c.unstored() + 1);

    // Space returns; the next start rolls the spool: exactly the readings counted durable, which
    // are the first ones accepted.
    free();
    seamFull.set(false);
    try (DurableStore next = store()) {
      assertThat(next.counters().recoveredSegments()).isEqualTo(1);
    }
    assertThat(stored()).isEqualTo(accepted.subList(0, (int) c.synced()));
  }

  @Test
  void aFailedFsyncKeepsOnlyWhatAnEarlierFsyncMadeDurable() throws Exception {
    DurableStore store = store();
    for (int i = 0; i < 5; i++) store.accept(reading(i));
    store.sync();
    for (int i = 5; i < 10; i++) store.accept(reading(i));
    failSync.set(true);
    assertThatThrownBy(store::sync).hasMessageContaining("Input/output error");
    assertThat(store.counters().unwritableReason()).isEqualTo("spool not writable");
    assertThatThrownBy(() -> store.accept(reading(11)))
        .isInstanceOf(StoreRefusedException.class)
        .hasMessageStartingWith("spool not writable");

    failSync.set(false);
    store.tick();
    store.accept(reading(100));
    store.close();
    StoreCounters c = store.counters();
    assertThat(c.synced()).isEqualTo(6);
    assertThat(c.unstored()).isEqualTo(5); // 5..9: their fsync failed, nobody knows they are safe
    assertThat(c.refused()).isEqualTo(1);
    assertThat(stored()).containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 100.0);
  }
}
