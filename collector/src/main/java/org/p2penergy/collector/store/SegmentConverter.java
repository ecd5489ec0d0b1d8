package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.p2penergy.home.config.DeviceHomes;
import org.p2penergy.home.layout.DataLayout;

/**
 * Turns one spool segment into readings Parquet: one file per home and UTC date of {@code ts},
 * named from the segment ({@code seg-X.spool} → {@code home=H/date=D/part-X.parquet}), so
 * converting the same segment again replaces its files instead of adding rows. Rows are sorted by
 * (device_id, ts, event); a repeated (device_id, event, ts) keeps its first arrival. Memory: one
 * (date, device) group at a time, 12 bytes a row; the records stay in the memory-mapped segment.
 */
final class SegmentConverter {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  /** A published file and its rows. */
  record Written(Path file, long rows) {}

  /** What one conversion did; {@code problem} is null for a clean segment. */
  record Result(
      List<Written> files,
      long rows,
      long duplicates,
      long records,
      String problem,
      long discardedBytes) {}

  private final Path dataDir;
  private final DeviceHomes homes;
  private final ParquetOptions options;
  private final IoFaults faults;

  SegmentConverter(Path dataDir, DeviceHomes homes, ParquetOptions options, IoFaults faults) {
    this.dataDir = dataDir;
    this.homes = homes;
    this.options = options;
    this.faults = faults;
  }

  /** {@code seg-X.spool} → {@code part-X.parquet}. */
  static String partName(Path segment) {
    String name = segment.getFileName().toString();
    String stem = name.substring("seg-".length(), name.length() - ".spool".length());
    return "part-" + stem + ".parquet";
  }

  /**
   * {@code readings/home=H/date=D/part-X.parquet}; a device of no home (a spool left by a run with
   * another community file) goes to {@code readings/unassigned/}, which no home reads.
   */
  Path target(LocalDate date, String home, Path segment) {
    String dir =
        home == null ? DataLayout.unassignedReadings(date) : DataLayout.of(home).readings(date);
    return dataDir.resolve(dir).resolve(partName(segment));
  }

  /**
   * @throws IOException naming the file that could not be written; files already published for
   *     other dates stay (whole), and a retry replaces them
   */
  Result convert(Path segment) throws IOException {
    SpoolView view = SpoolView.open(segment);
    ByteBuffer seg = view.buffer();
    // day -> device -> rows; then one file per (day, home) with that home's devices in order.
    Map<Long, Map<String, int[]>> groups = new TreeMap<>();
    view.forEach(
        off -> {
          long day = Math.floorDiv(SpoolFormat.tsMicros(seg, off), MICROS_PER_DAY);
          groups.computeIfAbsent(day, d -> new TreeMap<>())
              .computeIfAbsent(SpoolFormat.device(seg, off), d -> new int[1])[0]++;
        });
    List<Written> files = new ArrayList<>();
    long rows = 0;
    long duplicates = 0;
    for (Map.Entry<Long, Map<String, int[]>> day : groups.entrySet()) {
      Map<String, List<String>> byHome =
          new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
      for (String device : day.getValue().keySet()) {
        byHome.computeIfAbsent(homes.homeOf(device), h -> new ArrayList<>()).add(device);
      }
      for (Map.Entry<String, List<String>> home : byHome.entrySet()) {
        Path target = target(LocalDate.ofEpochDay(day.getKey()), home.getKey(), segment);
        try (ReadingsFileWriter writer = new ReadingsFileWriter(target, options, faults)) {
          for (String device : home.getValue()) {
            duplicates +=
                writeGroup(view, day.getKey(), device, day.getValue().get(device)[0], writer);
          }
          writer.commit();
          rows += writer.rows();
          files.add(new Written(target, writer.rows()));
        }
      }
    }
    return new Result(
        files, rows, duplicates, view.records(), view.problem(), view.discardedBytes());
  }

  /** Writes one device's rows of one day in (ts, event) order; returns the duplicates dropped. */
  private long writeGroup(
      SpoolView view, long day, String device, int count, ReadingsFileWriter out)
      throws IOException {
    ByteBuffer seg = view.buffer();
    long[] ts = new long[count];
    int[] offsets = new int[count];
    int[] n = {0};
    // Compared as bytes in place: this scan runs once per (day, device) over the whole segment,
    // and decoding each record's device id into a String was most of the roll's CPU.
    byte[] deviceBytes = device.getBytes(StandardCharsets.UTF_8);
    view.forEach(
        off -> {
          long t = SpoolFormat.tsMicros(seg, off);
          if (Math.floorDiv(t, MICROS_PER_DAY) == day
              && SpoolFormat.deviceEquals(seg, off, deviceBytes)) {
            ts[n[0]] = t;
            offsets[n[0]++] = off;
          }
        });
    PairSort.sort(ts, offsets);
    long duplicates = 0;
    List<Reading> run = new ArrayList<>();
    for (int i = 0; i < count; ) {
      int j = i;
      run.clear();
      while (j < count && ts[j] == ts[i]) run.add(SpoolFormat.decode(seg, offsets[j++]));
      // Same instant: order by event; the first arrival of each event wins (stable sort).
      run.sort(Comparator.comparing(Reading::event));
      String last = null;
      for (Reading r : run) {
        if (r.event().equals(last)) {
          duplicates++;
        } else {
          out.write(r);
          last = r.event();
        }
      }
      i = j;
    }
    return duplicates;
  }
}
