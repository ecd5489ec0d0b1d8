package org.p2penergy.collector.simulate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * A recorded power trace to replay, in one of the formats of the public data sets the project tests
 * with: tracebase ({@code dd/MM/yyyy HH:mm:ss;W;W8}, no header, naive local time) and AMPds2 (a
 * header {@code unix_ts,...,P,...}, UTC epoch seconds, a leading {@code +} on filled-in rows). The
 * data text goes out verbatim. Repeated timestamps (tracebase has them) are moved 1 ms apart so
 * {@code published_at} stays strictly increasing, as the cloud's does.
 *
 * <p>TODO(integration): once {@code org.p2penergy.collector.importer.CsvTraceReader} exists (branch
 * store), read through it instead of this private reader.
 */
final class ReplayTrace {
  static final String DEFAULT_DEVICE = "0a1b2c3d4e5f60718293a4b5";
  static final ZoneId TRACEBASE_ZONE = ZoneId.of("Europe/Berlin");

  private static final DateTimeFormatter TRACEBASE_TIME =
      DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm:ss");

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
   * @throws IllegalArgumentException if the file is missing, unreadable or holds no reading
   */
  static ReplayTrace read(Path file, ZoneId tracebaseZone) {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long[] times = new long[1024];
      String[] values = new String[1024];
      int n = 0;
      int skipped = 0;
      int powerColumn = -1;
      String line;
      boolean first = true;
      while ((line = in.readLine()) != null) {
        line = line.strip();
        if (first && line.startsWith("unix_ts")) {
          powerColumn = Arrays.asList(line.split(",")).indexOf("P");
          if (powerColumn < 0) {
            throw new IllegalArgumentException(file + ": AMPds2 header without a P column");
          }
          first = false;
          continue;
        }
        first = false;
        if (line.isEmpty()) {
          continue;
        }
        long t;
        String value;
        try {
          if (powerColumn >= 0) {
            String[] f = line.split(",");
            t = Long.parseLong(f[0].startsWith("+") ? f[0].substring(1) : f[0]) * 1000;
            value = f[powerColumn];
          } else {
            String[] f = line.split(";");
            t =
                LocalDateTime.parse(f[0], TRACEBASE_TIME)
                    .atZone(tracebaseZone)
                    .toInstant()
                    .toEpochMilli();
            value = f[1];
          }
          Double.parseDouble(value);
        } catch (RuntimeException bad) {
          skipped++;
          continue;
        }
        if (n > 0 && t <= times[n - 1]) {
          t = times[n - 1] + 1;
        }
        if (n == times.length) {
          times = Arrays.copyOf(times, n * 2);
          values = Arrays.copyOf(values, n * 2);
        }
        times[n] = t;
        values[n++] = value;
      }
      if (n == 0) {
        throw new IllegalArgumentException(
            file + ": no readings (expected tracebase 'dd/MM/yyyy HH:mm:ss;W;W8' or AMPds2 CSV)");
      }
      return new ReplayTrace(Arrays.copyOf(times, n), Arrays.copyOf(values, n), skipped);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("replay file not found: " + file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage());
    }
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
