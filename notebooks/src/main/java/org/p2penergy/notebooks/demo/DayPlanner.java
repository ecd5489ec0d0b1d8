package org.p2penergy.notebooks.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Plans a plausible day of the demo home: the fridge compressor every 40-70 min for 12-22 min, six
 * to ten door openings of 15-90 s between 07:00 and 22:00 (one left open for 8 min on Saturdays),
 * and microwave sessions at breakfast, lunch and dinner. Seeded by the date, so the same day always
 * gets the same plan.
 */
public final class DayPlanner {

  private final long seed;

  public DayPlanner(long seed) {
    this.seed = seed;
  }

  public DayPlan plan(LocalDate date) {
    Random random = new Random(seed * 1_000_003L + date.toEpochDay());
    Instant dayStart = date.atStartOfDay(DemoHome.ZONE).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(DemoHome.ZONE).toInstant();
    return new DayPlan(
        date,
        compressorRuns(random, dayStart, dayEnd),
        doorOpenings(random, date),
        sessions(random, date));
  }

  private static List<Episode> compressorRuns(Random random, Instant dayStart, Instant dayEnd) {
    List<Episode> runs = new ArrayList<>();
    Instant t = dayStart.plusSeconds(600 + random.nextInt(1800));
    while (true) {
      Instant end = t.plusSeconds(60L * (12 + random.nextInt(11)) + random.nextInt(60));
      if (!end.isBefore(dayEnd)) {
        return runs;
      }
      runs.add(new Episode(DemoHome.FRIDGE, "cooling", t, end, DemoHome.FRIDGE_COOLING_W));
      t = end.plusSeconds(60L * (25 + random.nextInt(30)) + random.nextInt(60));
    }
  }

  private static List<Episode> doorOpenings(Random random, LocalDate date) {
    List<Episode> openings = new ArrayList<>();
    int count = 6 + random.nextInt(5);
    for (int i = 0; i < count; i++) {
      // Evenly spread slots so openings never overlap.
      int slotMinutes = (22 - 7) * 60 / count;
      LocalTime at =
          LocalTime.of(7, 0).plusMinutes((long) i * slotMinutes + random.nextInt(slotMinutes - 5));
      Instant start = date.atTime(at).atZone(DemoHome.ZONE).toInstant();
      long seconds = 15 + random.nextInt(76);
      if (i == count / 2 && date.getDayOfWeek() == java.time.DayOfWeek.SATURDAY) {
        seconds = 8 * 60; // the door left open: an anomaly for the analytics to find
      }
      openings.add(
          new Episode(
              DemoHome.FRIDGE,
              "door_open",
              start,
              start.plusSeconds(seconds),
              DemoHome.FRIDGE_DOOR_OPEN_W));
    }
    return openings;
  }

  private static List<Episode> sessions(Random random, LocalDate date) {
    List<Episode> sessions = new ArrayList<>();
    sessions.add(session(random, date, LocalTime.of(7, 15), 45, 2, 60, 150));
    if (random.nextInt(3) > 0) {
      sessions.add(session(random, date, LocalTime.of(12, 10), 40, 1, 120, 240));
    }
    sessions.add(session(random, date, LocalTime.of(18, 0), 90, random.nextInt(3), 180, 420));
    if (random.nextInt(4) == 0) {
      sessions.add(session(random, date, LocalTime.of(21, 30), 30, 0, 60, 120));
    }
    return sessions;
  }

  private static Episode session(
      Random random,
      LocalDate date,
      LocalTime earliest,
      int spreadMinutes,
      int level,
      int minS,
      int maxS) {
    Instant start =
        date.atTime(
                earliest.plusMinutes(random.nextInt(spreadMinutes)).plusSeconds(random.nextInt(60)))
            .atZone(DemoHome.ZONE)
            .toInstant();
    Duration length = Duration.ofSeconds(minS + random.nextInt(maxS - minS + 1));
    return new Episode(
        DemoHome.MICROWAVE,
        "level_" + DemoHome.MICROWAVE_LEVELS[level],
        start,
        start.plus(length),
        DemoHome.MICROWAVE_LEVELS_W[level]);
  }
}
