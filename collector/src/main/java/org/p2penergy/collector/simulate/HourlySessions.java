package org.p2penergy.collector.simulate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * An appliance used in sessions, at most one per hour (the microwave, the kettle): off (0 W) except
 * during a session, whose start, length and power are drawn from a generator seeded by (seed, tag,
 * hour), so the load is a pure function of time. Subclasses say how a session is drawn.
 */
abstract class HourlySessions implements SteppedLoad {
  static final long HOUR_MS = 3_600_000L;

  /** A session [start, end) at {@code watts} in hour slot {@code hour}; watts 0 if none. */
  record Session(long hour, long start, long end, double watts) {
    static Session none(long hour) {
      return new Session(hour, 0, 0, 0);
    }
  }

  private final long seed;
  private final long tag;
  private final ZoneId zone;
  // The last hour asked for; a race only computes the same value twice.
  private volatile Session last;

  HourlySessions(long seed, long tag, ZoneId zone) {
    this.seed = seed;
    this.tag = tag;
    this.zone = zone;
  }

  /**
   * The session of hour slot {@code hour} (local hour {@code localHour}), drawn from {@code
   * random}; it must end within the hour.
   */
  abstract Session draw(long hour, int localHour, SplittableRandom random);

  Session sessionInHour(long hour) {
    Session cached = last;
    if (cached != null && cached.hour() == hour) {
      return cached;
    }
    SplittableRandom random = Seeds.random(seed, tag, hour);
    int localHour = Instant.ofEpochMilli(hour * HOUR_MS).atZone(zone).getHour();
    Session session = draw(hour, localHour, random);
    last = session;
    return session;
  }

  @Override
  public double watts(long t) {
    Session s = sessionInHour(Math.floorDiv(t, HOUR_MS));
    return t >= s.start() && t < s.end() ? s.watts() : 0;
  }

  @Override
  public void changes(long from, long to, LongConsumer out) {
    for (long hour = Math.floorDiv(from, HOUR_MS); hour * HOUR_MS < to; hour++) {
      Session s = sessionInHour(hour);
      out.accept(s.start());
      out.accept(s.end());
    }
  }
}
