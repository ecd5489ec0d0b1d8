package org.p2penergy.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.config.CollectorSettings;

/** A reader listing and reading files while rolls publish them never meets a partial file. */
class ConcurrentReaderTest {
  @TempDir Path data;

  @Test
  void everyVisibleFileIsWholeWhileRollsRun() throws Exception {
    Instant t0 = Instant.parse("2026-11-27T10:00:00Z");
    AtomicBoolean done = new AtomicBoolean();
    List<Throwable> readerErrors = new ArrayList<>();
    long[] filesRead = {0};
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                try {
                  for (Path f : ReadingsFileReader.partFiles(data.resolve("readings"))) {
                    // Each file holds exactly one roll of 50 rows: anything else is a partial file.
                    if (ReadingsFileReader.readAll(f).size() != 50) {
                      throw new AssertionError("partial file " + f);
                    }
                    filesRead[0]++;
                  }
                } catch (IOException | RuntimeException | AssertionError e) {
                  if (e instanceof java.nio.file.NoSuchFileException) continue;
                  synchronized (readerErrors) {
                    readerErrors.add(e);
                  }
                  return;
                }
              }
            });
    reader.start();
    try (DurableStore store =
        DurableStore.builder(data)
            .settings(
                new CollectorSettings(
                    Duration.ofSeconds(1), Duration.ofHours(1), 50, Duration.ZERO))
            .background(false)
            .open()) {
      for (int i = 0; i < 40 * 50; i++) {
        store.accept(new Reading("d", "power", t0.plusMillis(i * 100L), t0, i));
      }
    } finally {
      done.set(true);
      reader.join();
    }
    assertThat(readerErrors).isEmpty();
    assertThat(ReadingsFileReader.partFiles(data.resolve("readings"))).hasSize(40);
    assertThat(filesRead[0]).isPositive();
  }
}
