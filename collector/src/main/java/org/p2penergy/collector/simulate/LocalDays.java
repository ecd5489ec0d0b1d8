package org.p2penergy.collector.simulate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * An appliance planned one local day at a time (a washing machine's cycle, a computer's sessions):
 * the plan of a day is drawn from a generator seeded by (seed, tag, local date), so the load is a
 * pure function of time. Subclasses draw the plan and say what it draws at an instant.
 *
 * @param <P> a day's plan
 */
abstract class LocalDays<P> implements SteppedLoad {
  static final long HOUR_MS = 3_600_000L;
  static final long MINUTE_MS = 60_000L;

  /** The local day {@code [start, end)} (epoch ms; 23 or 25 hours long at a DST change). */
  record Day<P>(long start, long end, P plan) {}

  private final long seed;
  private final long tag;
  final ZoneId zone;
  // The last day asked for; a race only computes the same value twice.
  private volatile Day<P> last;

  LocalDays(long seed, long tag, ZoneId zone) {
    this.seed = seed;
    this.tag = tag;
    this.zone = zone;
  }

  /** The plan of local day {@code date}, which starts at {@code dayStart} (epoch ms). */
  abstract P draw(LocalDate date, long dayStart, SplittableRandom random);

  /** The power at {@code t}, inside the day of {@code plan}. */
  abstract double watts(P plan, long t);

  /** Every instant at which the power may change during the day of {@code plan}. */
  abstract void changes(P plan, LongConsumer out);

  Day<P> day(long t) {
    Day<P> cached = last;
    if (cached != null && t >= cached.start() && t < cached.end()) {
      return cached;
    }
    LocalDate date = Instant.ofEpochMilli(t).atZone(zone).toLocalDate();
    long start = date.atStartOfDay(zone).toInstant().toEpochMilli();
    long end = date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
    Day<P> day =
        new Day<>(start, end, draw(date, start, Seeds.random(seed, tag, date.toEpochDay())));
    last = day;
    return day;
  }

  /** Epoch ms of {@code hour}:00 local time on {@code date}. */
  long at(LocalDate date, int hour) {
    return date.atTime(hour, 0).atZone(zone).toInstant().toEpochMilli();
  }

  @Override
  public double watts(long t) {
    return watts(day(t).plan(), t);
  }

  @Override
  public void changes(long from, long to, LongConsumer out) {
    for (Day<P> d = day(from); d.start() < to; d = day(d.end())) {
      changes(d.plan(), out);
    }
  }
}
