package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.SmallDisk;
import org.p2penergy.home.config.CollectorSettings;
import org.p2penergy.home.config.DeviceHomes;

/**
 * A full disk while streaming. First on a real 3 MiB tmpfs filled to the brim under a real {@code
 * collect} (child JVM, Pi flags) fed at 2000x by the simulator (needs root to mount, as in CI);
 * then in-process with the store's I/O seam, which runs everywhere. What must hold: a reading is
 * counted only once durable, so every counted reading reaches Parquet (after a restart when the
 * stop came on a full disk); readings refused meanwhile are counted as lost on every status line;
 * the period is an outage "disk full" of every home; SIGTERM on a full disk exits 0, fast.
 */
class DiskFullIT {
  private static final String TOKEN = "disk-full-token";
  private static final Pattern STATUS =
      Pattern.compile(
          "status: stream \\w+(, disk full, (\\d+) readings lost)?, [\\d.]+ readings/s, (\\d+)"
              + " readings.*");
  private static final Pattern STOPPED = Pattern.compile("collect: stopped; (\\d+) readings.*");
  @TempDir Path dir;

  private ParticleCloudSimulator cloud(double speed) {
    return ParticleCloudSimulator.builder()
        .tokens(Set.of(TOKEN))
        .seed(2)
        .speed(speed)
        .start(Instant.parse("2026-11-27T15:00:00Z"))
        .sentLog(dir.resolve("sent.log"))
        .build()
        .start();
  }

  @Test
  void aRealFullDiskLosesNoCountedReadingAndSigtermEndsCleanlyAndFast() throws Exception {
    SmallDisk disk = SmallDisk.mount(dir.resolve("disk"), 3);
    assumeTrue(disk != null, "cannot mount a tmpfs here (not root); the seam test below runs");
    try (disk) { // mounted until the end: the restart and the checks read it
      Path data = disk.dir().resolve("data");
      ChildCollector child;
      long sigtermMillis;
      try (ParticleCloudSimulator cloud = cloud(2000)) {
        List<String> args =
            List.of(
                "--data",
                data.toString(),
                "--stream",
                cloud.baseUri().resolve("/v1/devices/events").toString(),
                "--status-interval",
                "1s",
                "--trace-sync");
        child =
            new ChildCollector(dir.resolve("logs"), Map.of("PARTICLE_ACCESS_TOKEN", TOKEN), args);
        awaitStatus(child, s -> s.readings() > 2000, "readings stored before the disk fills");

        disk.fill();
        // Every status line says so while it lasts, with a growing count of readings lost.
        List<Status> full = awaitStatuses(child, 3, Status::diskFull, "three 'disk full' lines");
        assertThat(full).extracting(Status::lost).isSorted().doesNotHaveDuplicates();
        assertThat(full.get(2).lost()).isPositive();
        long countedWhileFull = full.get(2).readings();

        disk.free(); // the store finds out by itself and stores again
        assertThat(
                child.awaitLine(
                    l -> l.startsWith("collect: storing again"), Duration.ofSeconds(30)))
            .as(child.transcript())
            .isTrue();
        awaitStatus(
            child,
            s -> !s.diskFull() && s.readings() > countedWhileFull + 1000,
            "storing again after space returned");
        awaitOutage(data, "disk full");

        disk.fill(); // full again, and this time the collector is stopped while it is
        awaitStatuses(child, 1, Status::diskFull, "'disk full' again");
        long start = System.nanoTime();
        child.terminate();
        int code = child.waitFor(Duration.ofSeconds(40));
        sigtermMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(code).as(child.transcript()).isZero();
        assertThat(sigtermMillis).as("SIGTERM on a full disk, ms").isLessThan(5000);
        assertThat(child.lines("collect: stopped;"))
            .singleElement()
            .asString()
            .containsPattern("; \\d+ readings could not be stored \\(disk full\\)");
        assertThat(child.err()).as(child.transcript()).isEmpty();
        disk.free();
      }
      long counted = stoppedCount(child);

      // Space is back: the next start rolls what the stopped run left in the spool.
      ChildCollector restart =
          new ChildCollector(
              dir.resolve("logs"),
              Map.of("PARTICLE_ACCESS_TOKEN", TOKEN),
              List.of(
                  "--data", data.toString(), "--stream", "http://127.0.0.1:9/v1/devices/events"));
      assertThat(restart.awaitLine(l -> l.startsWith("collect: streaming"), Duration.ofSeconds(60)))
          .as(restart.transcript())
          .isTrue();
      restart.terminate();
      assertThat(restart.waitFor(Duration.ofSeconds(30))).as(restart.transcript()).isZero();
      long countedAfter = stoppedCount(restart);

      List<Reading> rows = DataCheck.storedRows(data);
      List<String> durable = DataCheck.syncedKeys(child.lines("synced"));
      System.out.printf(
          "disk full (tmpfs): %d readings counted, %d rows in Parquet, SIGTERM on the full disk"
              + " took %d ms; last line: %s%n",
          counted + countedAfter, rows.size(), sigtermMillis, child.lines("collect: stopped;"));
      assertThat(rows)
          .as("rows in Parquet = readings counted")
          .hasSize((int) (counted + countedAfter));
      Set<String> keys = new HashSet<>();
      rows.forEach(r -> assertThat(keys.add(DataCheck.key(r))).as("stored once").isTrue());
      assertThat(keys).as("every reading reported durable").containsAll(durable);
      Set<String> sent = DataCheck.sent(dir.resolve("sent.log"));
      assertThat(rows).allSatisfy(r -> assertThat(sent).contains(DataCheck.sentForm(r)));
    }
  }

  @Test
  void throughTheIoSeamEveryHomeGetsTheOutageAndNothingCountedIsMissing() throws Exception {
    AtomicBoolean full = new AtomicBoolean();
    IoFaults faults =
        file -> {
          if (full.get()) {
            throw new IOException("No space left on device");
          }
        };
    Path data = dir.resolve("data");
    long counted;
    try (ParticleCloudSimulator cloud = cloud(60)) {
      // Two homes on one product stream: the fridge in one, the other devices in the other.
      Map<String, String> byDevice = new HashMap<>();
      for (String device : cloud.deviceIds()) {
        byDevice.put(device, device.startsWith("34003d") ? "north" : "south");
      }
      CollectSettings settings =
          new CollectSettings(
              data,
              cloud.baseUri().resolve("/v1/products/p2p/events"),
              new CollectorSettings(
                  Duration.ofMillis(200), Duration.ofHours(1), 1_000_000, Duration.ofSeconds(30)),
              Duration.ofMillis(500),
              false,
              "env:TEST_TOKEN",
              List.of("north", "south"),
              DeviceHomes.of(byDevice));
      try (InProcessCollector c =
          new InProcessCollector(
              settings, TOKEN, out -> StoreWiring.open(settings, Clock.systemUTC(), out, faults))) {
        StoreHealth store = c.collector.store();
        c.await("readings before the disk fills", () -> store.durable() > 5);
        full.set(true);
        c.await("three status lines saying so", () -> count(c.output(), "disk full, ") >= 3);
        long lost = store.lost();
        assertThat(lost).isPositive();
        full.set(false);
        c.await("storing again", () -> c.output().contains("collect: storing again after"));
        long again = store.durable();
        c.await("readings stored again", () -> store.durable() > again + 10);
        c.await("the outage written", () -> outages(data, "north").contains("disk full"));
        c.close();
        assertThat(c.exitCode.get()).isZero();
        counted = store.durable();
        assertThat(store.lost()).isGreaterThanOrEqualTo(lost);
        // The first problem is said once; afterwards the status line says it, every interval.
        assertThat(c.output().split("No space left on device", -1)).hasSize(2);
        assertThat(c.output()).contains(store.lost() + " readings could not be stored (disk full)");
      }
    }
    assertThat(outages(data, "south")).isEqualTo(outages(data, "north")).contains("disk full");
    List<Reading> rows = DataCheck.storedRows(data); // every file readable
    assertThat(rows).hasSize((int) counted);
    Set<String> keys = new HashSet<>();
    rows.forEach(r -> assertThat(keys.add(DataCheck.key(r))).isTrue());
    Set<String> sent = DataCheck.sent(dir.resolve("sent.log"));
    assertThat(rows).isNotEmpty().allSatisfy(r -> assertThat(sent).contains(DataCheck.sentForm(r)));
  }

  /** A status line, parsed. */
  record Status(long readings, long lost, boolean diskFull) {
    static Status parse(String line) {
      Matcher m = STATUS.matcher(line);
      if (!m.matches()) return null;
      boolean full = m.group(1) != null;
      return new Status(Long.parseLong(m.group(3)), full ? Long.parseLong(m.group(2)) : 0, full);
    }
  }

  private static List<Status> statuses(ChildCollector child) {
    List<Status> out = new ArrayList<>();
    for (String l : child.lines("status:")) {
      Status s = Status.parse(l);
      if (s != null) out.add(s);
    }
    return out;
  }

  private static void awaitStatus(
      ChildCollector child, java.util.function.Predicate<Status> match, String what)
      throws InterruptedException {
    awaitStatuses(child, 1, match, what);
  }

  /** Waits until {@code n} status lines printed from now on match; returns them. */
  private static List<Status> awaitStatuses(
      ChildCollector child, int n, java.util.function.Predicate<Status> match, String what)
      throws InterruptedException {
    int seen = statuses(child).size();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline && child.process.isAlive()) {
      List<Status> now = statuses(child);
      List<Status> fresh = now.subList(seen, now.size());
      if (fresh.size() >= n && fresh.stream().skip(fresh.size() - n).allMatch(match)) {
        return List.copyOf(fresh.subList(fresh.size() - n, fresh.size()));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("gave up waiting for " + what + "\n" + child.transcript());
  }

  private static void awaitOutage(Path data, String reason) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!allOutages(data).contains("\"reason\":\"" + reason + "\"")) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + reason + "' outage in\n" + allOutages(data));
      }
      Thread.sleep(100);
    }
  }

  /** Every outage line under DATA/outages, whatever the layout of the release that wrote it. */
  private static String allOutages(Path data) throws IOException {
    Path dir = data.resolve("outages");
    if (!Files.isDirectory(dir)) return "";
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        all.append(Files.readString(f));
      }
    }
    return all.toString();
  }

  private static String outages(Path data, String home) {
    Path dir = data.resolve("outages/home=" + home);
    if (!Files.isDirectory(dir)) return "";
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) all.append(Files.readString(f));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return all.toString();
  }

  private static long stoppedCount(ChildCollector child) {
    List<String> lines = child.lines("collect: stopped;");
    assertThat(lines).as(child.transcript()).hasSize(1);
    Matcher m = STOPPED.matcher(lines.get(0));
    assertThat(m.matches()).isTrue();
    return Long.parseLong(m.group(1));
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }
}
