package org.p2penergy.collector.simulate;

import java.util.function.LongConsumer;

/**
 * A load whose power is constant between change points, as every appliance model here is: {@link
 * #watts(long)} is the power at an instant and {@link #changes} names every instant at which it may
 * change, so that the energy over an interval is exact arithmetic over the constant pieces ({@link
 * LoadEnergy}), never an estimate from samples.
 */
interface SteppedLoad extends LoadModel {
  /**
   * Gives {@code out} every instant in {@code (from, to)} (epoch ms) at which the power may change,
   * in any order; instants outside the interval and instants where nothing changes are harmless.
   */
  void changes(long from, long to, LongConsumer out);

  /** A load that never changes (the sensor hub's 1 W). */
  static SteppedLoad constant(double watts) {
    return new SteppedLoad() {
      @Override
      public double watts(long epochMillis) {
        return watts;
      }

      @Override
      public void changes(long from, long to, LongConsumer out) {}
    };
  }
}
