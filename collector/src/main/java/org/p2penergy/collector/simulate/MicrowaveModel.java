package org.p2penergy.collector.simulate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * The microwave: off (0 W) except for sessions at power level 3, 6 or 10 (the measured 700, 1200
 * and 2000 W), 30 s to 6 min long. Each local hour holds at most one session, likelier at meal
 * times: 35 % at 07–09, 40 % at 12–14, 50 % at 18–21, 5 % in the other hours 09–23, none at night
 * (about 3.5 sessions a day). Levels: 10 half the time, 6 in 30 %, 3 in 20 %.
 */
final class MicrowaveModel implements LoadModel {
  static final double LEVEL_3_W = 700;
  static final double LEVEL_6_W = 1200;
  static final double LEVEL_10_W = 2000;
  static final long MIN_SESSION_MS = 30_000;
  static final long MAX_SESSION_MS = 360_000;

  private static final long HOUR_MS = 3_600_000L;
  private static final long SESSION = Seeds.tag("microwave/session");

  private final long seed;
  private final ZoneId zone;

  MicrowaveModel(long seed, ZoneId zone) {
    this.seed = seed;
    this.zone = zone;
  }

  static double sessionProbability(int localHour) {
    if (localHour >= 7 && localHour < 9) return 0.35;
    if (localHour >= 12 && localHour < 14) return 0.40;
    if (localHour >= 18 && localHour < 21) return 0.50;
    if (localHour >= 9 && localHour < 23) return 0.05;
    return 0;
  }

  @Override
  public double watts(long t) {
    long hour = Math.floorDiv(t, HOUR_MS);
    SplittableRandom random = Seeds.random(seed, SESSION, hour);
    int localHour = Instant.ofEpochMilli(hour * HOUR_MS).atZone(zone).getHour();
    if (random.nextDouble() >= sessionProbability(localHour)) {
      return 0;
    }
    long start = hour * HOUR_MS + random.nextLong(HOUR_MS - MAX_SESSION_MS);
    long length = random.nextLong(MIN_SESSION_MS, MAX_SESSION_MS + 1);
    double level = random.nextDouble();
    double watts = level < 0.5 ? LEVEL_10_W : level < 0.8 ? LEVEL_6_W : LEVEL_3_W;
    return t >= start && t < start + length ? watts : 0;
  }
}
