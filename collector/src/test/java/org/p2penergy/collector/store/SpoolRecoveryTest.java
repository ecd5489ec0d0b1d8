package org.p2penergy.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.config.DeviceHomes;

/** Crashes acted out step by step: the spool as a killed collector leaves it, then a restart. */
class SpoolRecoveryTest {
  static final String FRIDGE = "34003d000547363332363639";
  static final Instant T0 = Instant.parse("2026-11-27T23:59:57Z");
  // One record: 8 header + 2 + 24 device + 2 + 5 "power" + 24 numbers.
  static final int RECORD = 8 + 2 + 24 + 2 + 5 + 24;

  @TempDir Path data;
  Path spool;
  final List<String> problems = new ArrayList<>();

  @BeforeEach
  void dirs() throws IOException {
    spool = Files.createDirectories(data.resolve("spool"));
  }

  static List<Reading> rows(int n) {
    List<Reading> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(new Reading(FRIDGE, "power", T0.plusSeconds(i), T0.plusSeconds(i), i));
    }
    return rows;
  }

  Path segment(String name, List<Reading> rows) throws IOException {
    Path file = spool.resolve(name);
    try (SpoolSegment s = SpoolSegment.create(file, T0, IoFaults.NONE)) {
      for (Reading r : rows) s.append(r);
      s.sync();
    }
    return file;
  }

  DurableStore reopen() throws IOException {
    return DurableStore.builder(data)
        .background(false)
        .listener(
            new StoreListener() {
              @Override
              public void problem(String message) {
                problems.add(message);
              }
            })
        .open();
  }

  List<Reading> all() throws IOException {
    List<Reading> out = new ArrayList<>();
    for (Path f : ReadingsFileReader.partFiles(data.resolve("readings"))) {
      out.addAll(ReadingsFileReader.readAll(f));
    }
    return out;
  }

  List<Path> everything(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).filter(p -> !p.endsWith(".lock")).toList();
    }
  }

  @Test
  void aTornTailIsCutOffAndEveryWholeRecordIsKept() throws IOException {
    Path seg = segment("seg-a.spool", rows(5));
    Files.write(seg, new byte[] {0, 0, 0, 61, 1, 2, 3}, StandardOpenOption.APPEND);

    try (DurableStore store = reopen()) {
      assertThat(store.counters().recoveredSegments()).isEqualTo(1);
      assertThat(store.counters().discardedSpoolBytes()).isEqualTo(7);
    }
    assertThat(all()).isEqualTo(sortedByTs(rows(5)));
    assertThat(problems).anyMatch(p -> p.contains("seg-a.spool") && p.contains("7 bytes"));
    assertThat(everything(spool)).isEmpty();
  }

  @Test
  void aBadChecksumInTheMiddleStopsTheSegmentThere() throws IOException {
    Path seg = segment("seg-b.spool", rows(10));
    assertThat(Files.size(seg)).isEqualTo(8 + 10L * RECORD); // the format as documented
    byte[] bytes = Files.readAllBytes(seg);
    int fifth = 8 + 4 * RECORD;
    bytes[fifth + 8 + 10] ^= 0x01; // a bit flip inside the 5th record's device id
    Files.write(seg, bytes);

    try (DurableStore store = reopen()) {
      assertThat(store.counters().discardedSpoolBytes()).isEqualTo(6L * RECORD);
    }
    assertThat(all()).isEqualTo(rows(10).subList(0, 4));
    assertThat(problems).anyMatch(p -> p.contains("byte " + fifth));
  }

  @Test
  void aCrashBetweenRenameAndDeleteDoesNotDuplicateRows() throws IOException {
    // Rows on both sides of UTC midnight: the segment becomes two files.
    Path seg = segment("seg-c.spool", rows(5));
    SegmentConverter converter =
        new SegmentConverter(
            data, DeviceHomes.single("home"), ParquetOptions.DEFAULT, IoFaults.NONE);
    SegmentConverter.Result first = converter.convert(seg); // renamed into place...
    assertThat(first.files()).hasSize(2);
    // ...and the crash comes before the segment is deleted; a temp file of a later try is left too.
    Path day2 = data.resolve("readings/home=home/date=2026-11-28");
    Files.write(day2.resolve(".part-c.parquet.tmp"), new byte[] {1, 2, 3});

    try (DurableStore store = reopen()) {
      assertThat(store.counters().recoveredSegments()).isEqualTo(1);
    }
    assertThat(all()).isEqualTo(rows(5)); // once each, not twice
    assertThat(everything(data.resolve("readings")))
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("part-c.parquet", "part-c.parquet");
    assertThat(Files.exists(seg)).isFalse();
  }

  @Test
  void anEmptyOrHeaderlessSegmentFromACrashAtCreateIsDropped() throws IOException {
    Files.write(spool.resolve("seg-d.spool"), new byte[0]);
    Files.write(spool.resolve("seg-e.spool"), new byte[] {'P', '2'});
    try (DurableStore store = reopen()) {
      assertThat(store.counters().recoveredSegments()).isEqualTo(2);
    }
    assertThat(everything(spool)).isEmpty();
    assertThat(ReadingsFileReader.partFiles(data.resolve("readings"))).isEmpty();
  }

  @Test
  void readingsAcceptedAfterRecoveryGoToANewSegment() throws IOException {
    segment("seg-f.spool", rows(3));
    try (DurableStore store = reopen()) {
      store.accept(new Reading(FRIDGE, "power", T0.plusSeconds(100), T0, 100));
    }
    assertThat(all()).extracting(Reading::value).containsExactlyInAnyOrder(0.0, 1.0, 2.0, 100.0);
  }

  private static List<Reading> sortedByTs(List<Reading> rows) {
    return rows; // already in ts order, one device
  }
}
