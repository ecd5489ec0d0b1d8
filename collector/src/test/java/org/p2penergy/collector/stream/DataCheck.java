package org.p2penergy.collector.stream;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingsFileReader;

/** Reads back what a collector stored and what the simulator says it sent. */
public final class DataCheck {
  private DataCheck() {}

  /** Every row of every Parquet file under DATA/readings (each file must be readable). */
  public static List<Reading> storedRows(Path data) throws IOException {
    List<Reading> rows = new ArrayList<>();
    Path dir = data.resolve("readings");
    if (!Files.isDirectory(dir)) {
      return rows;
    }
    for (Path file : ReadingsFileReader.partFiles(dir)) {
      rows.addAll(ReadingsFileReader.readAll(file));
    }
    return rows;
  }

  public static String key(Reading r) {
    return r.deviceId() + "\t" + r.event() + "\t" + r.ts();
  }

  /** {@code device TAB event TAB ts TAB value} of every event line in the sent log. */
  public static Set<String> sent(Path sentLog) throws IOException {
    Set<String> sent = new HashSet<>();
    for (String line : Files.readAllLines(sentLog)) {
      if (line.startsWith("#") || line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t");
      sent.add(f[0] + "\t" + f[1] + "\t" + java.time.Instant.parse(f[2]) + "\t" + plain(f[3]));
    }
    return sent;
  }

  public static String sentForm(Reading r) {
    return key(r) + "\t" + plain(Double.toString(r.value()));
  }

  private static String plain(String number) {
    return new BigDecimal(number).stripTrailingZeros().toPlainString();
  }

  /** The keys of the readings a {@code --trace-sync} collector said were durable. */
  public static List<String> syncedKeys(List<String> syncedLines) {
    List<String> keys = new ArrayList<>();
    for (String line : syncedLines) {
      String[] f = line.split("\t");
      if (f.length == 4) {
        try {
          keys.add(f[1] + "\t" + f[2] + "\t" + java.time.Instant.parse(f[3]));
        } catch (java.time.format.DateTimeParseException e) {
          // the last line, cut by the kill: claims nothing
        }
      }
    }
    return keys;
  }
}
