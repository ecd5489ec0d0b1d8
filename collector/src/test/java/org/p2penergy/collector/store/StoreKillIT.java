package org.p2penergy.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments: a real child JVM appends to the store and prints each group fsync; the
 * test kills it ({@code destroyForcibly}) after a random number of fsyncs, 20 times on the same
 * data directory. Then every reading reported durable must be in Parquet exactly once, and every
 * Parquet file must be readable.
 */
class StoreKillIT {
  private static final int KILLS = 20;
  @TempDir Path data;

  @Test
  void everyReadingSyncedBeforeAKillIsInParquetExactlyOnce() throws Exception {
    Random random = new Random(42);
    Map<String, Long> durable = new HashMap<>();
    for (int k = 0; k < KILLS; k++) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx64m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  StoreKillChild.class.getName(),
                  data.toString(),
                  String.valueOf(k))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      int fsyncsBeforeKill = 1 + random.nextInt(25);
      long lastSynced = 0;
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        int seen = 0;
        String line;
        while (seen < fsyncsBeforeKill && (line = out.readLine()) != null) {
          if (line.startsWith("synced ")) {
            lastSynced = Long.parseLong(line.substring(7));
            seen++;
          }
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      }
      assertThat(lastSynced).as("child %d reported fsyncs", k).isPositive();
      durable.put("run-" + k, lastSynced);
    }

    // The next start recovers what the last kill left.
    DurableStore.builder(data).background(false).open().close();

    Map<String, Set<Long>> seen = new HashMap<>();
    List<String> duplicates = new ArrayList<>();
    for (Path file : ReadingsFileReader.partFiles(data.resolve("readings"))) {
      for (Reading r : ReadingsFileReader.readAll(file)) { // throws if a file is unreadable
        if (!seen.computeIfAbsent(r.deviceId(), d -> new HashSet<>()).add((long) r.value())) {
          duplicates.add(r.deviceId() + " " + (long) r.value());
        }
      }
    }
    assertThat(duplicates).isEmpty();
    List<String> missing = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, Long> run : durable.entrySet()) {
      Set<Long> values = seen.getOrDefault(run.getKey(), Set.of());
      total += run.getValue();
      for (long i = 0; i < run.getValue(); i++) {
        if (!values.contains(i)) missing.add(run.getKey() + " " + i);
      }
    }
    assertThat(missing).as("durable readings missing after %d kills", KILLS).isEmpty();
    assertThat(total).isGreaterThan(KILLS);
  }
}
