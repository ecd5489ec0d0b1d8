package org.p2penergy.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.config.CollectorSettings;

class DurableStoreTest {
  static final String FRIDGE = "34003d000547363332363639";
  static final String MICROWAVE = "2a0031000447363339343638";
  static final Instant T0 = Instant.parse("2026-11-27T10:20:00Z");

  @TempDir Path data;
  final MutableClock clock = new MutableClock(T0);
  final List<Long> syncs = new ArrayList<>();
  final List<String> problems = new ArrayList<>();
  final StoreListener listener =
      new StoreListener() {
        @Override
        public void synced(long durable) {
          syncs.add(durable);
        }

        @Override
        public void problem(String message) {
          problems.add(message);
        }
      };

  static CollectorSettings settings(Duration fsync, Duration roll, int maxRows) {
    return new CollectorSettings(fsync, roll, maxRows, Duration.ofSeconds(60));
  }

  DurableStore store(CollectorSettings s) throws IOException {
    return DurableStore.builder(data)
        .settings(s)
        .clock(clock)
        .listener(listener)
        .background(false)
        .open();
  }

  static Reading reading(String device, String event, String ts, double value) {
    Instant t = Instant.parse(ts);
    return new Reading(device, event, t, t.plusMillis(250), value);
  }

  List<Reading> all() throws IOException {
    List<Reading> rows = new ArrayList<>();
    for (Path f : ReadingsFileReader.partFiles(data.resolve("readings"))) {
      rows.addAll(ReadingsFileReader.readAll(f));
    }
    return rows;
  }

  List<Path> spoolSegments() throws IOException {
    try (Stream<Path> s = Files.list(data.resolve("spool"))) {
      return s.filter(p -> p.toString().endsWith(".spool")).toList();
    }
  }

  List<Path> allFiles() throws IOException {
    try (Stream<Path> s = Files.walk(data.resolve("readings"))) {
      return s.filter(Files::isRegularFile).toList();
    }
  }

  @Test
  void closeWritesSortedDedupedRowsSplitByUtcDate() throws IOException {
    List<Reading> in =
        List.of(
            reading(MICROWAVE, "power", "2026-11-27T23:59:59Z", 700),
            reading(FRIDGE, "power", "2026-11-28T00:00:01Z", 160),
            reading(FRIDGE, "power", "2026-11-27T23:59:58Z", 20),
            reading(FRIDGE, "rms_current", "2026-11-27T23:59:58Z", 0.2),
            reading(FRIDGE, "power", "2026-11-27T23:59:58Z", 99), // duplicate: dropped
            reading(MICROWAVE, "power", "2026-11-28T00:00:00Z", 2000),
            reading(FRIDGE, "power", "2026-11-27T23:59:59Z", 35));
    try (DurableStore store = store(CollectorSettings.defaults())) {
      for (Reading r : in) store.accept(r);
    }
    Path day1 = data.resolve("readings/home=home/date=2026-11-27");
    Path day2 = data.resolve("readings/home=home/date=2026-11-28");
    List<Path> files = ReadingsFileReader.partFiles(data.resolve("readings"));
    assertThat(files).hasSize(2);
    assertThat(files.get(0).getParent()).isEqualTo(day1);
    assertThat(files.get(1).getParent()).isEqualTo(day2);
    // Hand-sorted by (device_id, ts, event); "2a00..." < "3400...".
    assertThat(ReadingsFileReader.readAll(files.get(0)))
        .containsExactly(in.get(0), in.get(2), in.get(3), in.get(6));
    assertThat(ReadingsFileReader.readAll(files.get(1))).containsExactly(in.get(5), in.get(1));
    assertThat(spoolSegments()).isEmpty();
  }

  @Test
  void countersAndSyncListenerFollowTheGroupFsync() throws IOException {
    try (DurableStore store = store(settings(Duration.ofSeconds(1), Duration.ofHours(1), 1000))) {
      for (int i = 0; i < 5; i++)
        store.accept(reading(FRIDGE, "power", "2026-11-27T10:20:0" + i + "Z", i));
      assertThat(store.counters().accepted()).isEqualTo(5);
      assertThat(store.counters().synced()).isZero();
      store.tick(); // less than 1 s since the last fsync
      assertThat(syncs).isEmpty();
      clock.advance(Duration.ofSeconds(1));
      store.tick();
      assertThat(syncs).containsExactly(5L);
      assertThat(store.counters().synced()).isEqualTo(5);
      assertThat(store.counters().spoolBytes()).isPositive();
      assertThat(store.counters().filesWritten()).isZero();
    }
  }

  @Test
  void theBackgroundThreadSyncsAndRollsOnItsOwn() throws Exception {
    java.util.concurrent.CountDownLatch synced = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch written = new java.util.concurrent.CountDownLatch(1);
    StoreListener l =
        new StoreListener() {
          @Override
          public void synced(long durable) {
            if (durable == 3) synced.countDown();
          }

          @Override
          public void fileWritten(Path file, long rows) {
            if (rows == 3) written.countDown();
          }
        };
    try (DurableStore store =
        DurableStore.builder(data)
            .settings(settings(Duration.ofMillis(10), Duration.ofHours(1), 3))
            .listener(l)
            .open()) {
      for (int i = 0; i < 3; i++)
        store.accept(new Reading(FRIDGE, "power", T0.plusSeconds(i), T0, i));
      // Waits are generous bounds for a loaded machine, not speed assertions.
      assertThat(synced.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(written.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    }
    assertThat(all()).hasSize(3);
  }

  @Test
  void fsyncIntervalZeroSyncsEveryReading() throws IOException {
    try (DurableStore store = store(settings(Duration.ZERO, Duration.ofHours(1), 1000))) {
      store.accept(reading(FRIDGE, "power", "2026-11-27T10:20:00Z", 1));
      store.accept(reading(FRIDGE, "power", "2026-11-27T10:20:01Z", 2));
      assertThat(syncs).containsExactly(1L, 2L);
    }
  }

  @Test
  void rollsOnTheHourByTheClock() throws IOException {
    try (DurableStore store = store(settings(Duration.ofSeconds(1), Duration.ofHours(1), 1000))) {
      store.accept(reading(FRIDGE, "power", "2026-11-27T10:20:00Z", 1));
      clock.set(Instant.parse("2026-11-27T10:59:59Z"));
      store.tick();
      assertThat(allFiles()).isEmpty();
      clock.set(Instant.parse("2026-11-27T11:00:00Z"));
      store.tick();
      assertThat(all()).extracting(Reading::value).containsExactly(1.0);
      assertThat(spoolSegments()).isEmpty();
      store.accept(reading(FRIDGE, "power", "2026-11-27T11:00:01Z", 2));
      clock.set(Instant.parse("2026-11-27T11:30:00Z"));
      store.tick();
      assertThat(ReadingsFileReader.partFiles(data.resolve("readings"))).hasSize(1);
      assertThat(store.counters().filesWritten()).isEqualTo(1);
    }
    assertThat(all()).extracting(Reading::value).containsExactlyInAnyOrder(1.0, 2.0);
  }

  @Test
  void rollsEveryMaxRows() throws IOException {
    try (DurableStore store = store(settings(Duration.ofSeconds(1), Duration.ofHours(1), 100))) {
      for (int i = 0; i < 250; i++) {
        store.accept(new Reading(FRIDGE, "power", T0.plusSeconds(i), T0.plusSeconds(i), i));
      }
      assertThat(ReadingsFileReader.partFiles(data.resolve("readings"))).hasSize(2);
      assertThat(all()).hasSize(200);
    }
    List<Path> files = ReadingsFileReader.partFiles(data.resolve("readings"));
    assertThat(files).hasSize(3);
    List<Long> sizes = new ArrayList<>();
    for (Path f : files) sizes.add((long) ReadingsFileReader.readAll(f).size());
    assertThat(sizes).containsExactlyInAnyOrder(100L, 100L, 50L);
    assertThat(all())
        .extracting(Reading::value)
        .containsExactlyInAnyOrderElementsOf(
            java.util.stream.IntStream.range(0, 250).mapToObj(i -> (double) i).toList());
  }

  @Test
  void aReadingThatCannotBeStoredIsRefusedWithoutHarmingTheSpool() throws IOException {
    try (DurableStore store = store(CollectorSettings.defaults())) {
      store.accept(reading(FRIDGE, "power", "2026-11-27T10:20:00Z", 1));
      assertThatThrownBy(() -> store.accept(new Reading(FRIDGE, "power", Instant.MAX, T0, 2)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("ts out of range");
      assertThatThrownBy(() -> store.accept(new Reading("x".repeat(2000), "power", T0, T0, 3)))
          .isInstanceOf(IllegalArgumentException.class);
      store.accept(reading(FRIDGE, "power", "2026-11-27T10:20:01Z", 4));
      assertThat(store.counters().accepted()).isEqualTo(2);
    }
    assertThat(all()).extracting(Reading::value).containsExactly(1.0, 4.0);
  }

  @Test
  void anUnusableDataDirectoryIsAClearErrorNamingThePath() throws IOException {
    // Root ignores permission bits, so make "readings" a plain file: it cannot be a directory.
    Files.writeString(data.resolve("readings"), "not a directory");
    assertThatThrownBy(() -> store(CollectorSettings.defaults()))
        .isInstanceOf(IOException.class)
        .hasMessageContaining(data.resolve("readings").toString());
  }

  @Test
  void aSecondStoreOnTheSameSpoolIsRefused() throws IOException {
    try (DurableStore first = store(CollectorSettings.defaults())) {
      assertThatThrownBy(() -> store(CollectorSettings.defaults()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("in use");
    }
  }

  @Test
  void aFullDiskKeepsTheSegmentLeavesNoPartialFileAndRecovers() throws IOException {
    AtomicBoolean full = new AtomicBoolean();
    IoFaults faults =
        file -> {
          if (full.get()) throw new IOException("No space left on device");
        };
    DurableStore store =
        DurableStore.builder(data)
            .settings(settings(Duration.ofSeconds(1), Duration.ofHours(1), 1000))
            .clock(clock)
            .listener(listener)
            .faults(faults)
            .background(false)
            .open();
    for (int i = 0; i < 10; i++)
      store.accept(new Reading(FRIDGE, "power", T0.plusSeconds(i), T0, i));
    store.sync();
    full.set(true);
    assertThatThrownBy(store::roll)
        .isInstanceOf(IOException.class)
        .hasMessageContaining(data.resolve("readings/home=home/date=2026-11-27").toString())
        .hasMessageContaining("No space left on device");
    assertThat(allFiles()).isEmpty(); // not even a hidden temp file
    assertThat(spoolSegments()).hasSize(1);
    assertThat(store.counters().pendingSegments()).isEqualTo(1);
    assertThat(store.counters().lastProblem()).contains("No space left on device");
    assertThat(problems).isNotEmpty();

    // The spool is full too: accept fails naming the spool, nothing half-written stays behind.
    assertThatThrownBy(
            () -> store.accept(new Reading(FRIDGE, "power", T0.plusSeconds(100), T0, 100)))
        .isInstanceOf(StoreRefusedException.class)
        .hasMessageContaining("disk full")
        .hasMessageContaining(data.resolve("spool").toString());
    assertThat(store.counters().refused()).isEqualTo(1);

    full.set(false);
    store.tick(); // the spool is retried at once; the roll waits for its own retry time
    assertThat(allFiles()).isEmpty();
    clock.advance(Duration.ofSeconds(11));
    store.tick();
    assertThat(all())
        .extracting(Reading::value)
        .containsExactly(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0);
    assertThat(store.counters().pendingSegments()).isZero();
    store.accept(new Reading(FRIDGE, "power", T0.plusSeconds(11), T0, 11));
    store.close();
    assertThat(all()).hasSize(11);
  }
}
