package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;
import org.p2penergy.collector.store.Reading;

/**
 * The durability guarantee: a real collector (child JVM, Pi flags) killed with SIGKILL at random
 * moments, 24 times, restarted each time. Whatever it reported durable before a kill must be in
 * Parquet exactly once; nothing may be stored twice or made up; every file must be readable.
 */
class KillLoopIT {
  private static final String TOKEN = "kill-loop-token-2c9a";
  private static final int KILLS = 24;
  @TempDir Path dir;

  @Test
  void killNineAtRandomMomentsLosesNothingThatWasSynced() throws Exception {
    Path data = dir.resolve("data");
    Random random = new Random(20261127);
    List<String> synced = new ArrayList<>();
    int connectedRuns = 0;
    try (ParticleCloudSimulator cloud =
        ParticleCloudSimulator.builder()
            .tokens(Set.of(TOKEN))
            .seed(5)
            .speed(120)
            .start(Instant.parse("2026-11-27T20:00:00Z"))
            .sentLog(dir.resolve("sent.log"))
            .build()
            .start()) {
      List<String> args =
          List.of(
              "--data",
              data.toString(),
              "--stream",
              cloud.baseUri().resolve("/v1/devices/events").toString(),
              "--fsync-interval",
              "100ms",
              // Small files so kills also land in the middle of rolls.
              "--max-rows-per-file",
              "150",
              "--trace-sync");
      for (int i = 0; i <= KILLS; i++) {
        ChildCollector child =
            new ChildCollector(dir.resolve("logs"), Map.of("PARTICLE_ACCESS_TOKEN", TOKEN), args);
        if (i == KILLS) {
          // The last run stops cleanly, so the final spool is rolled too.
          child.awaitLine(l -> l.startsWith("synced"), Duration.ofSeconds(60));
          child.terminate();
          assertThat(child.waitFor(Duration.ofSeconds(30))).as(child.transcript()).isZero();
        } else {
          // A third of the kills land in JVM start-up (recovery of the last run's spool), the
          // rest while streaming. Timed from "connected", not from start: a loaded machine
          // can take seconds to start a JVM, and then a fixed delay would never reach streaming.
          if (random.nextInt(3) > 0) {
            child.awaitLine(l -> l.startsWith("collect: connected"), Duration.ofSeconds(60));
            Thread.sleep(random.nextInt(2500));
          } else {
            Thread.sleep(300 + random.nextInt(1500));
          }
          child.process.destroyForcibly();
          child.waitFor(Duration.ofSeconds(30));
        }
        synced.addAll(DataCheck.syncedKeys(child.lines("synced")));
        if (child.out().stream().anyMatch(l -> l.startsWith("collect: connected"))) {
          connectedRuns++;
        }
      }
    }

    List<Reading> rows = DataCheck.storedRows(data); // throws if any file is unreadable
    System.out.printf(
        "kill loop: %d kills, %d runs connected, %d readings reported durable, %d rows in"
            + " Parquet%n",
        KILLS, connectedRuns, synced.size(), rows.size());
    Map<String, Integer> copies = new HashMap<>();
    rows.forEach(r -> copies.merge(DataCheck.key(r), 1, Integer::sum));
    assertThat(copies.values()).as("no reading stored twice").allMatch(n -> n == 1);
    assertThat(synced).as("readings reported durable").hasSizeGreaterThan(200);
    assertThat(copies.keySet()).as("every durable reading is in Parquet").containsAll(synced);
    Set<String> sent = DataCheck.sent(dir.resolve("sent.log"));
    assertThat(rows)
        .as("every stored row is an event the cloud sent")
        .allSatisfy(r -> assertThat(sent).contains(DataCheck.sentForm(r)));
    // Each run that connected after an earlier one had (and so left a heartbeat) recorded the
    // time the collector was not running; a run killed before connecting leaves it to the next.
    String outages = String.join("\n", readAll(data.resolve("outages/home=home")));
    assertThat(connectedRuns).as("runs that connected").isGreaterThanOrEqualTo(KILLS / 3);
    assertThat(outages.split("collector not running", -1).length - 1)
        .as("'collector not running' outages")
        .isGreaterThanOrEqualTo(connectedRuns - 1);
  }

  private static List<String> readAll(Path dir) throws java.io.IOException {
    List<String> lines = new ArrayList<>();
    if (Files.isDirectory(dir)) {
      try (var files = Files.list(dir)) {
        for (Path f : files.sorted().toList()) {
          lines.addAll(Files.readAllLines(f));
        }
      }
    }
    return lines;
  }
}
