package org.p2penergy.collector.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import org.p2penergy.collector.importer.CsvTraceFormat;
import org.p2penergy.collector.importer.CsvTraceReader;
import org.p2penergy.collector.importer.TracePoint;

/**
 * A recorded power trace to replay, in one of the formats of the public data sets the project tests
 * with: tracebase ({@code dd/MM/yyyy HH:mm:ss;W;W8}, no header, naive local time) and AMPds2 (a
 * header {@code unix_ts,...,P,...}, UTC epoch seconds, a leading {@code +} on filled-in rows). The
 * value goes out as the trace wrote it (whole watts without a fraction). Repeated timestamps
 * (tracebase has them) are moved 1 ms apart so {@code published_at} stays strictly increasing, as
 * the cloud's does. Parsing is the importer's ({@link CsvTraceReader}), so replay and {@code import
 * csv} read a trace the same way.
 */
final class ReplayTrace {
  static final String DEFAULT_DEVICE = "0a1b2c3d4e5f60718293a4b5";
  static final ZoneId TRACEBASE_ZONE = ZoneId.of("Europe/Berlin");

  private final long[] times;
  private final String[] values;
  final int skipped;

  private ReplayTrace(long[] times, String[] values, int skipped) {
    this.times = times;
    this.values = values;
    this.skipped = skipped;
  }

  int size() {
    return times.length;
  }

  long firstMillis() {
    return times[0];
  }

  long lastMillis() {
    return times[times.length - 1];
  }

  /**
   * Reads a trace with the importer's reader ({@link CsvTraceReader}): AMPds2 if the first line is
   * its {@code unix_ts,...} header, else tracebase with its naive times in {@code tracebaseZone}.
   *
   * @throws IllegalArgumentException if the file is missing, unreadable or holds no reading
   */
  static ReplayTrace read(Path file, ZoneId tracebaseZone) {
    try {
      String first;
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        first = in.readLine();
      }
      CsvTraceFormat format =
          first != null && first.replace("\uFEFF", "").startsWith("unix_ts")
              ? CsvTraceFormat.ampds2()
              : withZone(CsvTraceFormat.tracebase(), tracebaseZone);
      Points points = new Points();
      try {
        new CsvTraceReader(format).read(file, points);
      } catch (IllegalArgumentException badHeader) {
        throw new IllegalArgumentException(file + ": " + badHeader.getMessage());
      }
      if (points.n == 0) {
        throw new IllegalArgumentException(
            file + ": no readings (expected tracebase 'dd/MM/yyyy HH:mm:ss;W;W8' or AMPds2 CSV)");
      }
      return new ReplayTrace(
          Arrays.copyOf(points.times, points.n),
          Arrays.copyOf(points.values, points.n),
          points.skipped);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("replay file not found: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static CsvTraceFormat withZone(CsvTraceFormat f, ZoneId zone) {
    return new CsvTraceFormat(
        f.delimiter(), f.header(), f.timeColumn(), f.timeFormat(), zone, f.valueColumn());
  }

  /** Collects the points, moving repeated or backward times 1 ms after the previous one. */
  private static final class Points implements CsvTraceReader.Listener {
    long[] times = new long[1024];
    String[] values = new String[1024];
    int n;
    int skipped;

    @Override
    public void point(long lineNumber, TracePoint point) {
      long t = point.ts().toEpochMilli();
      if (n > 0 && t <= times[n - 1]) {
        t = times[n - 1] + 1;
      }
      if (n == times.length) {
        times = Arrays.copyOf(times, n * 2);
        values = Arrays.copyOf(values, n * 2);
      }
      times[n] = t;
      values[n++] = text(point.value());
    }

    @Override
    public void bad(long lineNumber, String line, String reason) {
      skipped++;
    }
  }

  /** The value as the trace wrote it: whole watts without a fraction ({@code 143}, not 143.0). */
  static String text(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** The trace as a device's events ({@code power}), shifted by {@code shiftMillis}. */
  DeviceTimeline timeline(String deviceId, long shiftMillis) {
    return new DeviceTimeline() {
      @Override
      public String deviceId() {
        return deviceId;
      }

      @Override
      public String name() {
        return "replay";
      }

      @Override
      public EventCursor cursor(long fromMillis) {
        int start = Arrays.binarySearch(times, fromMillis - shiftMillis);
        int[] index = {start >= 0 ? start : -start - 1};
        return new EventCursor() {
          @Override
          public SimEvent peek() {
            int i = index[0];
            return i < times.length
                ? new SimEvent(deviceId, "power", times[i] + shiftMillis, values[i])
                : null;
          }

          @Override
          public void advance() {
            index[0]++;
          }
        };
      }

      @Override
      public long lastAtOrBefore(long t) {
        int i = Arrays.binarySearch(times, t - shiftMillis);
        int last = i >= 0 ? i : -i - 2;
        return last >= 0 ? times[last] + shiftMillis : Long.MIN_VALUE;
      }
    };
  }
}
