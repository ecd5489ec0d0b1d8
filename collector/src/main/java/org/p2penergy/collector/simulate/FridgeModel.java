package org.p2penergy.collector.simulate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * A fridge, by default the one of the original project with its measured loads: door closed and
 * compressor off 20 W, door open (light on) 35 W, compressor running 145 W with the door closed and
 * 160 W with the light on, and the 840 W start surge for the first seconds of each run.
 *
 * <p>Compressor runs: time is cut into 50-minute slots (counted from the epoch); each slot holds
 * one run that starts 0–10 min into the slot and lasts 15–25 min. So runs are 15–25 min long, start
 * 40–60 min apart, and the duty cycle is 20/50 = 40 % on average. Door openings: each hour has one
 * with probability 35 % between 06:00 and 23:00 local time and 3 % at night (about 6 a day),
 * lasting 10–60 s; 6 % of them are left open 2–5 min. {@link Params} changes the loads, the slot,
 * the run lengths and the door habits (a community's fridges differ by size and household).
 */
final class FridgeModel implements SteppedLoad {
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
  private static final long LONGEST_DOOR_MS = 300_000L;
  private static final long COMPRESSOR = Seeds.tag("fridge/compressor");
  private static final long DOOR = Seeds.tag("fridge/door");

  /**
   * One fridge's loads (W) and habits. The light adds {@code lightW} while the door is open; each
   * slot of {@code slotMs} holds one compressor run starting within {@code maxStartOffsetMs} and
   * lasting {@code minRunMs..maxRunMs}; the door opens at most once an hour, with the day (06–23
   * local) or night probability, and is left open 2–5 min with {@code leftOpenProbability}.
   */
  record Params(
      double idleW,
      double lightW,
      double coolingW,
      double surgeW,
      long slotMs,
      long maxStartOffsetMs,
      long minRunMs,
      long maxRunMs,
      double dayDoorProbability,
      double nightDoorProbability,
      double leftOpenProbability) {

    /** The original project's fridge (design.md, "Measured loads"). */
    static final Params MEASURED =
        new Params(
            IDLE_W,
            DOOR_OPEN_W - IDLE_W,
            COOLING_W,
            SURGE_W,
            SLOT_MS,
            MAX_START_OFFSET_MS,
            MIN_RUN_MS,
            MAX_RUN_MS,
            DAY_DOOR_PROBABILITY,
            NIGHT_DOOR_PROBABILITY,
            LEFT_OPEN_PROBABILITY);

    Params {
      if (minRunMs <= MAX_SURGE_MS || maxRunMs < minRunMs) {
        throw new IllegalArgumentException("runs must outlast the surge: " + minRunMs);
      }
      // a run ends inside its own slot, so a slot's run is all there is to know about the slot
      if (maxStartOffsetMs <= 0 || maxStartOffsetMs + maxRunMs > slotMs) {
        throw new IllegalArgumentException("a run must end inside its slot of " + slotMs + " ms");
      }
    }

    /** The mean share of time the compressor runs. */
    double dutyCycle() {
      return (minRunMs + maxRunMs) / 2.0 / slotMs;
    }
  }

  private final long seed;
  private final ZoneId zone;
  private final Params p;
  // Caches of the last slot asked for; a race only computes the same value twice.
  private volatile Run lastRun;
  private volatile Window lastDoor;

  FridgeModel(long seed, ZoneId zone) {
    this(seed, zone, Params.MEASURED);
  }

  FridgeModel(long seed, ZoneId zone, Params params) {
    this.seed = seed;
    this.zone = zone;
    this.p = params;
  }

  /** An interval [start, end) of slot {@code slot}, in ms. */
  record Window(long slot, long start, long end) {
    boolean covers(long t) {
      return t >= start && t < end;
    }
  }

  /** The compressor run of slot {@code slot}: start, length and surge length, in ms. */
  record Run(long slot, long start, long length, long surge) {
    boolean covers(long t) {
      return t >= start && t < start + length;
    }
  }

  Run runInSlot(long slot) {
    Run cached = lastRun;
    if (cached != null && cached.slot() == slot) {
      return cached;
    }
    SplittableRandom random = Seeds.random(seed, COMPRESSOR, slot);
    long start = slot * p.slotMs() + random.nextLong(p.maxStartOffsetMs());
    long length = random.nextLong(p.minRunMs(), p.maxRunMs() + 1);
    long surge = random.nextLong(MIN_SURGE_MS, MAX_SURGE_MS + 1);
    Run run = new Run(slot, start, length, surge);
    lastRun = run;
    return run;
  }

  boolean compressorOn(long t) {
    return runInSlot(Math.floorDiv(t, p.slotMs())).covers(t);
  }

  boolean doorOpen(long t) {
    return doorInHour(Math.floorDiv(t, HOUR_MS)).covers(t);
  }

  /** The door opening of one hour (empty if none); the last one is cached, it is asked often. */
  Window doorInHour(long hour) {
    Window cached = lastDoor;
    if (cached != null && cached.slot() == hour) {
      return cached;
    }
    SplittableRandom random = Seeds.random(seed, DOOR, hour);
    int localHour = Instant.ofEpochMilli(hour * HOUR_MS).atZone(zone).getHour();
    double chance =
        localHour >= 6 && localHour < 23 ? p.dayDoorProbability() : p.nightDoorProbability();
    Window door;
    if (random.nextDouble() >= chance) {
      door = new Window(hour, 0, 0);
    } else {
      long start = hour * HOUR_MS + random.nextLong(HOUR_MS - LONGEST_DOOR_MS);
      long length =
          random.nextDouble() < p.leftOpenProbability()
              ? random.nextLong(120_000L, LONGEST_DOOR_MS + 1)
              : random.nextLong(10_000L, 60_001L);
      door = new Window(hour, start, start + length);
    }
    lastDoor = door;
    return door;
  }

  @Override
  public double watts(long t) {
    boolean door = doorOpen(t);
    Run run = runInSlot(Math.floorDiv(t, p.slotMs()));
    if (!run.covers(t)) {
      return door ? p.idleW() + p.lightW() : p.idleW();
    }
    if (t < run.start() + run.surge()) {
      return p.surgeW();
    }
    return door ? p.coolingW() + p.lightW() : p.coolingW();
  }

  @Override
  public void changes(long from, long to, LongConsumer out) {
    for (long slot = Math.floorDiv(from, p.slotMs()); slot * p.slotMs() < to; slot++) {
      Run run = runInSlot(slot);
      out.accept(run.start());
      out.accept(run.start() + run.surge());
      out.accept(run.start() + run.length());
    }
    for (long hour = Math.floorDiv(from, HOUR_MS); hour * HOUR_MS < to; hour++) {
      Window door = doorInHour(hour);
      out.accept(door.start());
      out.accept(door.end());
    }
  }
}
