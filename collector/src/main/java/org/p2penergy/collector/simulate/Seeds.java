package org.p2penergy.collector.simulate;

import java.util.SplittableRandom;

/**
 * Random numbers that are a pure function of their inputs: every random choice of the models is
 * drawn from a generator seeded by (seed, device, slot), so the series at a given simulated time
 * does not depend on when or how often anyone asked for it.
 */
final class Seeds {
  private Seeds() {}

  static SplittableRandom random(long seed, long stream, long slot) {
    return new SplittableRandom(mix(mix(mix(seed) ^ stream) ^ slot));
  }

  /** A stable 64-bit hash of a device id or tag (String.hashCode is specified, so stable). */
  static long tag(String text) {
    return mix(text.hashCode() * 0x9E3779B97F4A7C15L + text.length());
  }

  /** The splitmix64 finaliser. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A value spread around 0 within [-1, 1], bell-shaped (mean of three uniforms, rescaled). */
  static double jitter(SplittableRandom random) {
    return (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) / 1.5;
  }
}
