package org.p2penergy.notebooks.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * What the demo home does on one local day: compressor runs (each starts with a surge), door
 * openings, microwave sessions (state {@code level_N}). Readings are sampled from this plan.
 */
public record DayPlan(
    LocalDate date,
    List<Episode> compressorRuns,
    List<Episode> doorOpenings,
    List<Episode> sessions) {

  public DayPlan {
    compressorRuns = List.copyOf(compressorRuns);
    doorOpenings = List.copyOf(doorOpenings);
    sessions = List.copyOf(sessions);
  }
}
