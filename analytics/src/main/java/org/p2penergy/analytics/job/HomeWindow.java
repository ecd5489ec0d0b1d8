package org.p2penergy.analytics.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.p2penergy.home.config.Appliance;
import org.p2penergy.home.config.HomeConfig;

/**
 * One home's local days of a run, worked out with java.time once (so DST is exact), for the pass
 * that tags each reading with the local day it belongs to using integer arithmetic only:
 *
 * <ul>
 *   <li>{@code starts}: the home's local midnights, epoch micros, of days {@code from-2 .. to+3}
 *       ({@code starts[k]} is day {@code firstDay + k});
 *   <li>{@code loUs}, {@code hiUs}: the readings the run needs, [first midnight - max gap, last
 *       midnight + max gap);
 *   <li>{@code gapsUs}: max gap per listed device (others get the default), {@code maxGapUs} the
 *       widest; {@code events}: the power events with their index in the sort key (see {@link
 *       HomePass}).
 * </ul>
 */
record HomeWindow(
    long firstDay,
    long[] starts,
    long loUs,
    long hiUs,
    long maxGapUs,
    Map<String, Long> gapsUs,
    Map<String, Integer> events) {

  /** The most power events a home may name: the event index takes 6 bits of the sort key. */
  static final int MAX_EVENTS = 1 << HomePass.EVENT_BITS;

  private static final long DEFAULT_GAP_US = Appliance.DEFAULT_MAX_GAP.toNanos() / 1000;

  static HomeWindow of(HomeConfig home, LocalDate from, LocalDate to) {
    ZoneId zone = home.home().timezone();
    LocalDate first = from.minusDays(2);
    long[] starts = new long[(int) (to.plusDays(3).toEpochDay() - first.toEpochDay() + 1)];
    for (int k = 0; k < starts.length; k++) {
      starts[k] = micros(first.plusDays(k).atStartOfDay(zone).toInstant());
    }
    Duration edge = maxGap(home);
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Map<String, Long> gaps = new HashMap<>();
    for (Appliance a : home.appliances()) {
      gaps.put(a.deviceId(), a.maxGap().toNanos() / 1000);
    }
    List<String> powerEvents = home.powerEvents();
    if (powerEvents.size() > MAX_EVENTS) {
      throw new IllegalArgumentException(
          home.home().id() + ": at most " + MAX_EVENTS + " power events");
    }
    Map<String, Integer> events = new HashMap<>();
    for (int i = 0; i < powerEvents.size(); i++) {
      events.putIfAbsent(powerEvents.get(i), i);
    }
    return new HomeWindow(
        first.toEpochDay(),
        starts,
        micros(start.minus(edge)),
        micros(end.plus(edge)),
        edge.toNanos() / 1000,
        gaps,
        events);
  }

  /** The index k of the local day holding {@code tsUs}: {@code starts[k] <= tsUs < starts[k+1]}. */
  int dayIndex(long tsUs) {
    int i = Arrays.binarySearch(starts, tsUs);
    return i >= 0 ? i : -i - 2;
  }

  long gapUs(String device) {
    return gapsUs.getOrDefault(device, DEFAULT_GAP_US);
  }

  /** The event's index in the sort key, or -1 for an event that is not a power reading. */
  int event(String name) {
    return events.getOrDefault(name, -1);
  }

  /** The widest max gap of a home: how far outside its days readings can still matter. */
  static Duration maxGap(HomeConfig home) {
    Duration edge = Appliance.DEFAULT_MAX_GAP;
    for (Appliance a : home.appliances()) {
      if (a.maxGap().compareTo(edge) > 0) {
        edge = a.maxGap();
      }
    }
    return edge;
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000L);
  }
}
