package org.p2penergy.collector.simulate;

import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * An electric kettle: off (0 W) except while it boils, at its rated power (about 2000 W; 1500 W is
 * the most a US 120 V outlet gives a kettle, European ones reach 3000 W) for 2–4 minutes. At most
 * one boil per local hour: 45 % at 06–09, 12 % at 09–12, 25 % at 12–14, 20 % at 14–20, 15 % at
 * 20–23, none at night, times {@code usage}: about 3.9 boils a day at usage 1.
 */
final class KettleModel extends HourlySessions {
  static final long MIN_BOIL_MS = 120_000;
  static final long MAX_BOIL_MS = 240_000;

  private static final long BOIL = Seeds.tag("kettle/boil");

  /** The rated power and a factor on the boil probabilities. */
  record Params(double ratedW, double usage) {}

  private final Params p;

  KettleModel(long seed, ZoneId zone, Params params) {
    super(seed, BOIL, zone);
    this.p = params;
  }

  static double boilProbability(int localHour) {
    if (localHour >= 6 && localHour < 9) return 0.45;
    if (localHour >= 9 && localHour < 12) return 0.12;
    if (localHour >= 12 && localHour < 14) return 0.25;
    if (localHour >= 14 && localHour < 20) return 0.20;
    if (localHour >= 20 && localHour < 23) return 0.15;
    return 0;
  }

  /** Boils a day on average: the sum of the hourly probabilities times usage (at most 1 each). */
  double boilsPerDay() {
    double sum = 0;
    for (int h = 0; h < 24; h++) {
      sum += Math.min(1, p.usage() * boilProbability(h));
    }
    return sum;
  }

  @Override
  Session draw(long hour, int localHour, SplittableRandom random) {
    if (random.nextDouble() >= p.usage() * boilProbability(localHour)) {
      return Session.none(hour);
    }
    long start = hour * HOUR_MS + random.nextLong(HOUR_MS - MAX_BOIL_MS);
    long length = random.nextLong(MIN_BOIL_MS, MAX_BOIL_MS + 1);
    return new Session(hour, start, start + length, p.ratedW());
  }
}
