package org.p2penergy.collector.simulate;

import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * The microwave: off (0 W) except for sessions at power level 3, 6 or 10 (the measured 700, 1200
 * and 2000 W), 30 s to 6 min long. Each local hour holds at most one session, likelier at meal
 * times: 35 % at 07–09, 40 % at 12–14, 50 % at 18–21, 5 % in the other hours 09–23, none at night
 * (about 3.5 sessions a day). Levels: 10 half the time, 6 in 30 %, 3 in 20 %. {@link Params} sets
 * other levels and how much a household uses it (the probabilities times {@code usage}).
 */
final class MicrowaveModel extends HourlySessions {
  static final double LEVEL_3_W = 700;
  static final double LEVEL_6_W = 1200;
  static final double LEVEL_10_W = 2000;
  static final long MIN_SESSION_MS = 30_000;
  static final long MAX_SESSION_MS = 360_000;

  private static final long SESSION = Seeds.tag("microwave/session");

  /** The power at levels 3, 6 and 10, and a factor on the session probabilities. */
  record Params(double level3W, double level6W, double level10W, double usage) {
    static final Params MEASURED = new Params(LEVEL_3_W, LEVEL_6_W, LEVEL_10_W, 1);
  }

  private final Params p;

  MicrowaveModel(long seed, ZoneId zone) {
    this(seed, zone, Params.MEASURED);
  }

  MicrowaveModel(long seed, ZoneId zone, Params params) {
    super(seed, SESSION, zone);
    this.p = params;
  }

  static double sessionProbability(int localHour) {
    if (localHour >= 7 && localHour < 9) return 0.35;
    if (localHour >= 12 && localHour < 14) return 0.40;
    if (localHour >= 18 && localHour < 21) return 0.50;
    if (localHour >= 9 && localHour < 23) return 0.05;
    return 0;
  }

  @Override
  Session draw(long hour, int localHour, SplittableRandom random) {
    if (random.nextDouble() >= p.usage() * sessionProbability(localHour)) {
      return Session.none(hour);
    }
    long start = hour * HOUR_MS + random.nextLong(HOUR_MS - MAX_SESSION_MS);
    long length = random.nextLong(MIN_SESSION_MS, MAX_SESSION_MS + 1);
    double level = random.nextDouble();
    double watts = level < 0.5 ? p.level10W() : level < 0.8 ? p.level6W() : p.level3W();
    return new Session(hour, start, start + length, watts);
  }
}
