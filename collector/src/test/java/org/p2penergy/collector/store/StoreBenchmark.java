package org.p2penergy.collector.store;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.p2penergy.collector.importer.CsvTraceFormat;
import org.p2penergy.collector.importer.CsvTraceReader;
import org.p2penergy.collector.importer.TracePoint;
import org.p2penergy.home.config.CollectorSettings;

/**
 * Measures the store for docs/BENCHMARKS.md (not a test). {@code sizes TRACEBASE_CSV}: bytes per
 * reading for encodings and codecs; {@code roll N}: N readings through the DurableStore (spool then
 * one roll), printing rows/s and peak heap — run it under {@code -Xmx32m}.
 */
public final class StoreBenchmark {
  static final String FRIDGE = "34003d000547363332363639";
  static final String MICROWAVE = "2a0031000447363339343638";
  static final String PI = "1e0032000a47363433353735";

  public static void main(String[] args) throws IOException {
    if (args[0].equals("sizes")) sizes(Path.of(args[1]));
    else if (args[0].equals("one-group")) oneGroup(Integer.parseInt(args[1]));
    else
      roll(Integer.parseInt(args[1]), args.length > 2 ? options(args[2]) : ParquetOptions.DEFAULT);
  }

  /** 3 devices × 1 day at 1 Hz, shaped like the measured appliances of the design. */
  static List<Reading> demoDay(int seconds) {
    List<Reading> rows = new ArrayList<>();
    demo(seconds, rows::add);
    rows.sort(Comparator.comparing(Reading::deviceId).thenComparing(Reading::ts));
    return rows;
  }

  /** The same readings in arrival order (the devices interleaved), generated as they go. */
  static void demo(int seconds, Consumer<Reading> sink) {
    Random rnd = new Random(7);
    Instant day = Instant.parse("2026-11-27T00:00:00Z");
    String[] devices = {FRIDGE, MICROWAVE, PI};
    long[] offsetMs = {rnd.nextInt(1000), rnd.nextInt(1000), rnd.nextInt(1000)};
    for (int s = 0; s < seconds; s++) {
      for (int d = 0; d < devices.length; d++) {
        double w =
            switch (d) {
              case 0 -> fridge(s, rnd);
              case 1 -> microwave(s, rnd);
              default -> 1.0 + rnd.nextGaussian() * 0.05;
            };
        w = Math.round(Math.max(0, w) * 10) / 10.0; // the firmware sends one decimal
        Instant ts = day.plusMillis(s * 1000L + offsetMs[d] + rnd.nextInt(40) - 20);
        sink.accept(new Reading(devices[d], "power", ts, ts.plusMillis(80 + rnd.nextInt(320)), w));
      }
    }
  }

  private static double fridge(int s, Random rnd) {
    int cycle = s % 2400; // compressor 20 min of every 40
    if (cycle < 20) return 840 + rnd.nextGaussian() * 15; // start surge
    if (cycle < 1200) return 160 + rnd.nextGaussian() * 2;
    if (s % 21_600 < 90) return 35 + rnd.nextGaussian() * 0.5; // door open, light on
    return 20 + rnd.nextGaussian() * 0.3;
  }

  private static double microwave(int s, Random rnd) {
    int[][] sessions = {{27_000, 120, 2000}, {45_000, 300, 1200}, {65_000, 180, 700}};
    for (int[] x : sessions)
      if (s >= x[0] && s < x[0] + x[1]) return x[2] + rnd.nextGaussian() * 10;
    return 5.5 + rnd.nextGaussian() * 0.2;
  }

  static List<Reading> tracebaseDay(Path csv) throws IOException {
    Instant importedAt = Instant.parse("2026-11-28T02:00:00Z");
    List<Reading> rows = new ArrayList<>();
    List<Instant> seen = new ArrayList<>();
    for (TracePoint p : new CsvTraceReader(CsvTraceFormat.tracebase()).readAll(csv)) {
      if (!seen.isEmpty() && seen.get(seen.size() - 1).equals(p.ts())) continue; // as the roll does
      seen.add(p.ts());
      rows.add(new Reading("dev_599393", "power", p.ts(), importedAt, p.value()));
    }
    return rows;
  }

  static void sizes(Path tracebase) throws IOException {
    record Variant(String name, ParquetOptions options) {}
    ParquetOptions d = ParquetOptions.DEFAULT;
    List<Variant> variants =
        List.of(
            new Variant("v2 pages, dict value, ZSTD 9", d.withCodec(CompressionCodecName.ZSTD, 9)),
            new Variant("v2, dict value, ZSTD 3", d.withCodec(CompressionCodecName.ZSTD, 3)),
            new Variant("v2, dict value, ZSTD 12", d.withCodec(CompressionCodecName.ZSTD, 12)),
            new Variant("v2, dict value, ZSTD 15 (default)", d),
            new Variant("v2, dict value, ZSTD 19", d.withCodec(CompressionCodecName.ZSTD, 19)),
            new Variant("v2, dict value, GZIP", d.withCodec(CompressionCodecName.GZIP, 0)),
            new Variant(
                "v2, dict value, UNCOMPRESSED", d.withCodec(CompressionCodecName.UNCOMPRESSED, 0)),
            new Variant(
                "v2, plain value, ZSTD 15",
                new ParquetOptions(CompressionCodecName.ZSTD, 15, true, false, false, 8 << 20)),
            new Variant(
                "v2, byte-stream-split value, ZSTD 15",
                new ParquetOptions(CompressionCodecName.ZSTD, 15, true, false, true, 8 << 20)),
            new Variant(
                "v1 pages (plain ts), dict value, ZSTD 15",
                new ParquetOptions(CompressionCodecName.ZSTD, 15, false, true, false, 8 << 20)),
            new Variant(
                "v1 pages, dict value, UNCOMPRESSED",
                new ParquetOptions(
                    CompressionCodecName.UNCOMPRESSED, 0, false, true, false, 8 << 20)));
    List<Reading> demo = demoDay(86_400);
    List<Reading> real = tracebaseDay(tracebase);
    System.out.printf(
        "| variant | demo 3 devices x 1 day (%d rows): bytes | B/reading | tracebase day (%d rows):"
            + " bytes | B/reading |%n|---|---|---|---|---|%n",
        demo.size(), real.size());
    Path dir = Files.createTempDirectory("store-bench");
    for (Variant v : variants) {
      long a = write(dir.resolve("a.parquet"), demo, v.options());
      long b = write(dir.resolve("b.parquet"), real, v.options());
      System.out.printf(
          "| %s | %d | %.2f | %d | %.2f |%n",
          v.name(), a, (double) a / demo.size(), b, (double) b / real.size());
    }
    System.out.printf(
        "tracebase CSV: %d bytes = %.2f B/reading%n",
        Files.size(tracebase), (double) Files.size(tracebase) / real.size());
  }

  static long write(Path file, List<Reading> rows, ParquetOptions options) throws IOException {
    try (ReadingsFileWriter w = new ReadingsFileWriter(file, options, IoFaults.NONE)) {
      for (Reading r : rows) w.write(r);
      w.commit();
    }
    if (!ReadingsFileReader.readAll(file).equals(rows)) throw new AssertionError("round trip");
    return Files.size(file);
  }

  /** Worst case for the roll's arrays: N readings of one device in one UTC day. */
  static void oneGroup(int n) throws IOException {
    Path data = Files.createTempDirectory("store-bench-one");
    CollectorSettings settings =
        new CollectorSettings(Duration.ofSeconds(1), Duration.ofDays(3650), n + 1, Duration.ZERO);
    Instant t0 = Instant.parse("2026-11-27T00:00:00Z");
    Random rnd = new Random(3);
    try (DurableStore store =
        DurableStore.builder(data).settings(settings).background(false).open()) {
      for (int i = 0; i < n; i++) {
        Instant ts = t0.plusMillis(i * 80L);
        store.accept(new Reading(FRIDGE, "power", ts, ts, 20 + rnd.nextInt(5)));
      }
      long t1 = System.nanoTime();
      store.roll();
      System.out.printf(
          "one group of %d rows: roll %.1f s, %d file(s), %d rows written%n",
          n,
          (System.nanoTime() - t1) / 1e9,
          store.counters().filesWritten(),
          store.counters().rowsWritten());
    }
  }

  /** {@code ZSTD:19}, {@code GZIP}, {@code UNCOMPRESSED}: the default options with that codec. */
  static ParquetOptions options(String spec) {
    String[] p = spec.split(":");
    return ParquetOptions.DEFAULT.withCodec(
        CompressionCodecName.valueOf(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0);
  }

  static void roll(int n, ParquetOptions options) throws IOException {
    Path data = Files.createTempDirectory("store-bench-roll");
    CollectorSettings settings =
        new CollectorSettings(Duration.ofSeconds(1), Duration.ofDays(3650), n + 1, Duration.ZERO);
    try (DurableStore store =
        DurableStore.builder(data)
            .settings(settings)
            .clock(Clock.systemUTC())
            .parquetOptions(options)
            .background(false)
            .open()) {
      long t0 = System.nanoTime();
      IOException[] failed = {null};
      demo(
          Math.max(1, n / 3),
          r -> {
            try {
              store.accept(r);
            } catch (IOException e) {
              failed[0] = e;
            }
          });
      if (failed[0] != null) throw failed[0];
      store.sync();
      long t1 = System.nanoTime();
      System.gc();
      resetPeaks();
      long spool = store.counters().spoolBytes();
      store.roll();
      long t2 = System.nanoTime();
      StoreCounters c = store.counters();
      System.out.printf(
          "rows %d: spool append+fsync %.0f rows/s (%.1f B/row in the spool), roll %.0f rows/s"
              + " (%.2f s), %d files, parquet %.2f B/row, heap peak during roll %.1f MB"
              + " (max heap %.0f MB), VmHWM %s%n",
          c.accepted(),
          c.accepted() / ((t1 - t0) / 1e9),
          (double) spool / c.accepted(),
          c.rowsWritten() / ((t2 - t1) / 1e9),
          (t2 - t1) / 1e9,
          c.filesWritten(),
          (double) parquetBytes(data) / c.rowsWritten(),
          heapPeak() / 1e6,
          Runtime.getRuntime().maxMemory() / 1e6,
          vmHwm());
    }
  }

  private static long parquetBytes(Path data) throws IOException {
    long total = 0;
    for (Path p : ReadingsFileReader.partFiles(data.resolve("readings"))) total += Files.size(p);
    return total;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
    }
    return sum;
  }

  private static String vmHwm() throws IOException {
    try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
      return lines
          .filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.substring(6).strip())
          .findFirst()
          .orElse("?");
    }
  }
}
