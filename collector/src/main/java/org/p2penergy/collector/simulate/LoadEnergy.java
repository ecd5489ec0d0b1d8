package org.p2penergy.collector.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The energy of a {@link SteppedLoad} over an interval, from its constant pieces. Two quantities,
 * both in watt-seconds:
 *
 * <ul>
 *   <li>{@link #exactWs}: the integral of the power over {@code [from, to)};
 *   <li>{@link #sampledWs}: what a sensor that reads the power at every multiple of {@code step} in
 *       {@code [from, to)} measures when each reading holds for {@code step} (the left rule): per
 *       piece, its power times the number of sample instants inside it times the step. At 1 Hz this
 *       is exactly the sum of the 1 s samples, which is what the analytics charge for readings one
 *       second apart.
 * </ul>
 */
final class LoadEnergy {
  private LoadEnergy() {}

  /** An interval {@code [start, end)} (epoch ms) over which the power is {@code watts}. */
  record Piece(long start, long end, double watts) {}

  /** The constant pieces that cover {@code [from, to)}, in order; empty if {@code to <= from}. */
  static List<Piece> pieces(SteppedLoad load, long from, long to) {
    List<Piece> out = new ArrayList<>();
    if (to <= from) {
      return out;
    }
    Points changes = new Points(from, to);
    load.changes(from, to, changes);
    long[] points = changes.sorted();
    long start = from;
    for (long t : points) {
      if (t > start) {
        out.add(new Piece(start, t, load.watts(start)));
        start = t;
      }
    }
    out.add(new Piece(start, to, load.watts(start)));
    return out;
  }

  static double exactWs(SteppedLoad load, long from, long to) {
    double ws = 0;
    for (Piece p : pieces(load, from, to)) {
      ws += p.watts() * (p.end() - p.start()) / 1000.0;
    }
    return ws;
  }

  static double sampledWs(SteppedLoad load, long from, long to, long stepMs) {
    double ws = 0;
    for (Piece p : pieces(load, from, to)) {
      long samples = ceilDiv(p.end(), stepMs) - ceilDiv(p.start(), stepMs);
      ws += p.watts() * samples * (stepMs / 1000.0);
    }
    return ws;
  }

  /** {@code t / step} rounded up (Java 17 has no Math.ceilDiv). */
  static long ceilDiv(long t, long step) {
    return -Math.floorDiv(-t, step);
  }

  /** The change instants inside {@code (from, to)}, gathered without boxing. */
  private static final class Points implements LongConsumer {
    private final long from;
    private final long to;
    private long[] points = new long[64];
    private int size;

    Points(long from, long to) {
      this.from = from;
      this.to = to;
    }

    @Override
    public void accept(long t) {
      if (t > from && t < to) {
        if (size == points.length) {
          points = Arrays.copyOf(points, size * 2);
        }
        points[size++] = t;
      }
    }

    long[] sorted() {
      long[] out = Arrays.copyOf(points, size);
      Arrays.sort(out);
      return out;
    }
  }
}
