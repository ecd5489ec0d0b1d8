package org.p2penergy.analytics.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.collector.store.ParquetOptions;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingsFileWriter;
import org.p2penergy.home.config.Home;
import org.p2penergy.home.layout.DataLayout;

/**
 * Writes readings the way the collector does, with its own Parquet writer: one file per UTC date
 * partition, rows sorted by (device, ts).
 */
public final class ReadingsFiles {
  private ReadingsFiles() {}

  /** Into the default home's folders ({@code readings/home=home/date=D/}). */
  public static void write(SparkSession unused, Path dataDir, List<Reading> readings) {
    write(dataDir, Home.DEFAULT_ID, readings);
  }

  public static void write(Path dataDir, String home, List<Reading> readings) {
    write(dataDir, home, readings, true);
  }

  /** As they are, not sorted by device and time as the collector writes them. */
  public static void writeInGivenOrder(Path dataDir, List<Reading> readings) {
    write(dataDir, Home.DEFAULT_ID, readings, false);
  }

  private static void write(Path dataDir, String home, List<Reading> readings, boolean sort) {
    Map<LocalDate, List<Reading>> byDate = new TreeMap<>();
    for (Reading r : readings) {
      byDate
          .computeIfAbsent(r.ts().atZone(ZoneOffset.UTC).toLocalDate(), d -> new ArrayList<>())
          .add(r);
    }
    int n = 0;
    for (Map.Entry<LocalDate, List<Reading>> e : byDate.entrySet()) {
      List<Reading> sorted = new ArrayList<>(e.getValue());
      if (sort) {
        sorted.sort(Comparator.comparing(Reading::deviceId).thenComparing(Reading::ts));
      }
      Path target =
          dataDir
              .resolve(DataLayout.of(home).readings(e.getKey()))
              .resolve("part-" + n++ + ".parquet");
      try (ReadingsFileWriter writer =
          new ReadingsFileWriter(target, ParquetOptions.DEFAULT, IoFaults.NONE)) {
        for (Reading r : sorted) {
          writer.write(r);
        }
        writer.commit();
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
    }
  }
}
