package org.p2penergy.analytics.energy;

import java.util.ArrayList;
import java.util.List;
import org.p2penergy.home.config.AnomalySettings;

/**
 * Follows the state of consecutive readings: episodes (maximal runs of one state, ended by another
 * state or by a gap), active runs (cycles: compressor runs, microwave sessions) and the fridge
 * rules on them. Everything is clipped to the day; an episode that began the day before counts as
 * an entry of that day, not this one.
 */
final class EpisodeTracker {
  private final StateModel model;
  private final AnomalySettings settings;
  private final long dayStart;
  private final long dayEnd;
  private final int doorOpen;

  private final int[] entries;
  private final List<Episode> timeline = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private int cycles;

  private int state = -1;
  private long stateStart;
  private long runStart = -1;

  EpisodeTracker(StateModel model, AnomalySettings settings, long dayStart, long dayEnd) {
    this.model = model;
    this.settings = settings;
    this.dayStart = dayStart;
    this.dayEnd = dayEnd;
    this.doorOpen = model.isFridge() ? model.indexOf("door_open") : -1;
    this.entries = new int[model.size()];
  }

  /** The next reading at {@code ts} in {@code next}; {@code charged}: no gap since the last. */
  void step(long ts, int next, boolean charged, long previousTs) {
    if (state < 0) {
      open(ts, next);
    } else if (!charged) {
      close(previousTs, -1);
      open(ts, next);
    } else if (next != state) {
      close(ts, next);
      open(ts, next);
    }
  }

  /** No more readings: the last one was not followed by another, so its state ends with it. */
  void finish(long lastTs) {
    if (state >= 0) {
      close(lastTs, -1);
      state = -1;
    }
  }

  private void open(long ts, int next) {
    state = next;
    stateStart = ts;
    if (model.isActive(next) && runStart < 0) {
      runStart = ts;
    }
  }

  /** Ends the current episode at {@code end}; {@code next} is the following state, -1 at a gap. */
  private void close(long end, int next) {
    long s = Math.max(stateStart, dayStart);
    long e = Math.min(end, dayEnd);
    if (stateStart >= dayStart && stateStart < dayEnd) {
      entries[state]++;
    }
    if (e > s) {
      if (!model.isResting(state)) {
        timeline.add(new Episode(model.name(state), s, e, model.detail(state)));
      }
      if (state == doorOpen && e - s > settings.doorOpenMax().toNanos() / 1000) {
        findings.add(
            new Finding(
                Finding.DOOR_LEFT_OPEN,
                s,
                e,
                "door open "
                    + HumanTime.of((e - s) / 1e6)
                    + " (threshold "
                    + HumanTime.of(settings.doorOpenMax().toMillis() / 1e3)
                    + ")"));
      }
    }
    boolean runEnds = runStart >= 0 && (next < 0 || !model.isActive(next));
    if (runEnds) {
      closeRun(end, next >= 0);
      runStart = -1;
    }
  }

  private void closeRun(long end, boolean endedByState) {
    long s = Math.max(runStart, dayStart);
    long e = Math.min(end, dayEnd);
    if (runStart >= dayStart && runStart < dayEnd) {
      cycles++;
    }
    if (!model.isFridge() || e <= s) {
      return;
    }
    double seconds = (e - s) / 1e6;
    double shortMin = settings.shortCycleMin().toMillis() / 1e3;
    double longMax = settings.longRunMax().toMillis() / 1e3;
    // A run cut by a gap or by the edge of the day has no known length: never call it short.
    boolean whole = endedByState && runStart >= dayStart && end <= dayEnd;
    if (whole && seconds < shortMin) {
      findings.add(
          new Finding(
              Finding.SHORT_CYCLING,
              s,
              e,
              "compressor ran "
                  + HumanTime.of(seconds)
                  + " (minimum "
                  + HumanTime.of(shortMin)
                  + ")"));
    } else if (seconds > longMax) {
      findings.add(
          new Finding(
              Finding.LONG_RUN,
              s,
              e,
              "compressor ran "
                  + HumanTime.of(seconds)
                  + " (maximum "
                  + HumanTime.of(longMax)
                  + ")"));
    }
  }

  int entries(int state) {
    return entries[state];
  }

  int cycles() {
    return cycles;
  }

  List<Episode> timeline() {
    return timeline;
  }

  List<Finding> findings() {
    return findings;
  }
}
