package org.p2penergy.collector.simulate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * A desktop computer: standby (1–3 W) except in sessions, during which its power changes every 10
 * minutes between 70 % and 130 % of {@code onW} (idle browsing to a busy load). An evening session
 * (with probability {@code eveningProbability}) starts 18:00–20:00 local time and lasts 1–3.5 h (so
 * it ends before midnight, inside its day); on weekdays a working-from-home household (with
 * probability {@code daytimeProbability}) also has a day session starting 08:30–09:30 and lasting
 * 6–8.5 h.
 */
final class ComputerModel extends LocalDays<long[]> {
  static final long BLOCK_MS = 10 * MINUTE_MS;

  private static final long SESSIONS = Seeds.tag("computer/sessions");
  private static final long LOAD = Seeds.tag("computer/load");

  /** Power when on (a mean) and in standby, and the chances of an evening and a day session. */
  record Params(
      double onW, double standbyW, double eveningProbability, double daytimeProbability) {}

  private final long seed;
  private final Params p;

  ComputerModel(long seed, ZoneId zone, Params params) {
    super(seed, SESSIONS, zone);
    this.seed = seed;
    this.p = params;
  }

  /** The day's sessions as {start, end, start, end, ...} (epoch ms), in order. */
  @Override
  long[] draw(LocalDate date, long dayStart, SplittableRandom random) {
    long[] sessions = new long[4];
    int n = 0;
    boolean weekday = date.getDayOfWeek().compareTo(DayOfWeek.SATURDAY) < 0;
    if (random.nextDouble() < p.daytimeProbability() && weekday) {
      long start = at(date, 8) + 30 * MINUTE_MS + random.nextLong(HOUR_MS);
      sessions[n++] = start;
      sessions[n++] = start + random.nextLong(6 * HOUR_MS, 8 * HOUR_MS + 30 * MINUTE_MS + 1);
    }
    if (random.nextDouble() < p.eveningProbability()) {
      long start = at(date, 18) + random.nextLong(2 * HOUR_MS);
      sessions[n++] = start;
      sessions[n++] = start + random.nextLong(HOUR_MS, 3 * HOUR_MS + 30 * MINUTE_MS + 1);
    }
    return java.util.Arrays.copyOf(sessions, n);
  }

  /** The power in the 10-minute block {@code block} while on, to 0.1 W. */
  double onWatts(long block) {
    double level = 0.7 + 0.6 * Seeds.random(seed, LOAD, block).nextDouble();
    return Math.round(p.onW() * level * 10) / 10.0;
  }

  @Override
  double watts(long[] sessions, long t) {
    for (int i = 0; i < sessions.length; i += 2) {
      if (t >= sessions[i] && t < sessions[i + 1]) {
        return onWatts(Math.floorDiv(t, BLOCK_MS));
      }
    }
    return p.standbyW();
  }

  @Override
  void changes(long[] sessions, LongConsumer out) {
    for (int i = 0; i < sessions.length; i += 2) {
      out.accept(sessions[i]);
      out.accept(sessions[i + 1]);
      for (long b = Math.floorDiv(sessions[i], BLOCK_MS) + 1; b * BLOCK_MS < sessions[i + 1]; b++) {
        out.accept(b * BLOCK_MS);
      }
    }
  }
}
