package org.p2penergy.collector.simulate;

import java.io.IOException;
import java.time.Instant;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingsFileWriter;

/**
 * The 1 Hz readings the community generator writes for one sensor: at every whole second, the
 * model's power plus the sensor's 5.5 W noise floor, to 0.1 W, with a jitter that cancels in pairs.
 * Seconds 2k and 2k+1 carry +d and -d, where d is a bell-shaped draw from (device, k) of up to 1 %
 * of the smaller load of the two plus 0.25 W, rounded to 0.1 W and never more than that load (a 0 W
 * load reads exactly the floor). Local midnights and hours fall on even seconds (zone offsets are
 * whole minutes), so every local hour's and day's sum of (reading - floor) is exactly the model's 1
 * Hz energy ({@link LoadEnergy#sampledWs}). The pair holding the last second of the window gets d =
 * 0, because that last reading has no successor and is not charged. {@code received_at} is {@code
 * ts} plus 80–499 ms of drawn network latency.
 */
final class SecondReadings {
  static final double FLOOR_W = ModelTimeline.NOISE_FLOOR_W;
  static final String EVENT = ReadingEvent.POWER.eventName();

  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private final String deviceId;
  private final SteppedLoad load;
  private final long tag;
  private final long lastSecond;

  /**
   * @param endSecond the end of the generated window (epoch seconds, exclusive)
   */
  SecondReadings(String deviceId, SteppedLoad load, long endSecond) {
    this.deviceId = deviceId;
    this.load = load;
    this.tag = Seeds.tag(deviceId);
    this.lastSecond = endSecond - 1;
  }

  /** Writes the readings of the seconds {@code [from, to)} to {@code out}, in order. */
  void write(long from, long to, ReadingsFileWriter out) throws IOException {
    for (long pair = Math.floorDiv(from, 2); 2 * pair < to; pair++) {
      long even = 2 * pair;
      double w0 = load.watts(even * 1000);
      double w1 = load.watts((even + 1) * 1000);
      double d = even + 1 == lastSecond ? 0 : delta(pair, Math.min(w0, w1));
      if (even >= from) {
        out.write(reading(even, round(w0 + FLOOR_W + d)));
      }
      if (even + 1 < to) {
        out.write(reading(even + 1, round(w1 + FLOOR_W - d)));
      }
    }
  }

  /** The pair's jitter: within ±(1 % of {@code load} + 0.25 W), to 0.1 W, at most {@code load}. */
  double delta(long pair, double load) {
    long h = Seeds.mix(tag ^ (pair * GOLDEN));
    double bell =
        ((h & 0x1FFFFF) + ((h >>> 21) & 0x1FFFFF) + ((h >>> 42) & 0x1FFFFF)) / (double) (1 << 21);
    double d = round((0.01 * load + 0.25) * (bell - 1.5) / 1.5);
    return Math.max(-load, Math.min(load, d));
  }

  private Reading reading(long second, double watts) {
    long latencyMs = 80 + Math.floorMod(Seeds.mix(tag + second), 420);
    return new Reading(
        deviceId,
        EVENT,
        Instant.ofEpochSecond(second),
        Instant.ofEpochMilli(second * 1000 + latencyMs),
        watts);
  }

  /** To 0.1 W, like the firmware's one-decimal data. */
  static double round(double watts) {
    return Math.round(watts * 10) / 10.0;
  }
}
