package org.p2penergy.collector.simulate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;

/**
 * The fridge of the original project, from its measured loads: door closed and compressor off 20 W,
 * door open (light on) 35 W, compressor running 145 W with the door closed and 160 W with the light
 * on, and the 840 W start surge for the first seconds of each run.
 *
 * <p>Compressor runs: time is cut into 50-minute slots (counted from the epoch); each slot holds
 * one run that starts 0–10 min into the slot and lasts 15–25 min. So runs are 15–25 min long, start
 * 40–60 min apart, and the duty cycle is 20/50 = 40 % on average. Door openings: each hour has one
 * with probability 35 % between 06:00 and 23:00 local time and 3 % at night (about 6 a day),
 * lasting 10–60 s; 6 % of them are left open 2–5 min.
 */
final class FridgeModel implements LoadModel {
  static final double IDLE_W = 20;
  static final double DOOR_OPEN_W = 35;
  static final double COOLING_W = 145;
  static final double COOLING_DOOR_OPEN_W = 160;
  static final double SURGE_W = 840;

  static final long SLOT_MS = 50 * 60_000L;
  static final long MAX_START_OFFSET_MS = 10 * 60_000L;
  static final long MIN_RUN_MS = 15 * 60_000L;
  static final long MAX_RUN_MS = 25 * 60_000L;
  static final long MIN_SURGE_MS = 8_000;
  static final long MAX_SURGE_MS = 20_000;

  static final double DAY_DOOR_PROBABILITY = 0.35;
  static final double NIGHT_DOOR_PROBABILITY = 0.03;
  static final double LEFT_OPEN_PROBABILITY = 0.06;

  private static final long HOUR_MS = 3_600_000L;
  private static final long COMPRESSOR = Seeds.tag("fridge/compressor");
  private static final long DOOR = Seeds.tag("fridge/door");

  private final long seed;
  private final ZoneId zone;

  FridgeModel(long seed, ZoneId zone) {
    this.seed = seed;
    this.zone = zone;
  }

  /** A compressor run: start, length and surge length, in ms. */
  record Run(long start, long length, long surge) {
    boolean covers(long t) {
      return t >= start && t < start + length;
    }
  }

  Run runInSlot(long slot) {
    SplittableRandom random = Seeds.random(seed, COMPRESSOR, slot);
    long start = slot * SLOT_MS + random.nextLong(MAX_START_OFFSET_MS);
    long length = random.nextLong(MIN_RUN_MS, MAX_RUN_MS + 1);
    long surge = random.nextLong(MIN_SURGE_MS, MAX_SURGE_MS + 1);
    return new Run(start, length, surge);
  }

  boolean compressorOn(long t) {
    return runInSlot(Math.floorDiv(t, SLOT_MS)).covers(t);
  }

  boolean doorOpen(long t) {
    long hour = Math.floorDiv(t, HOUR_MS);
    SplittableRandom random = Seeds.random(seed, DOOR, hour);
    int localHour = Instant.ofEpochMilli(hour * HOUR_MS).atZone(zone).getHour();
    double p = localHour >= 6 && localHour < 23 ? DAY_DOOR_PROBABILITY : NIGHT_DOOR_PROBABILITY;
    if (random.nextDouble() >= p) {
      return false;
    }
    long start = hour * HOUR_MS + random.nextLong(HOUR_MS - 300_000L);
    long length =
        random.nextDouble() < LEFT_OPEN_PROBABILITY
            ? random.nextLong(120_000L, 300_001L)
            : random.nextLong(10_000L, 60_001L);
    return t >= start && t < start + length;
  }

  @Override
  public double watts(long t) {
    boolean door = doorOpen(t);
    Run run = runInSlot(Math.floorDiv(t, SLOT_MS));
    if (!run.covers(t)) {
      return door ? DOOR_OPEN_W : IDLE_W;
    }
    if (t < run.start() + run.surge()) {
      return SURGE_W;
    }
    return door ? COOLING_DOOR_OPEN_W : COOLING_W;
  }
}
