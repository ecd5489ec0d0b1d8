package org.p2penergy.home.config;

import java.time.Duration;

/**
 * Thresholds of the anomaly rules: a fridge door open longer than {@code doorOpenMax}, a data gap
 * longer than {@code gapAlert}, a day above {@code highDayFactor} times the appliance's median of
 * its own recent days, a compressor run shorter than {@code shortCycleMin} or longer than {@code
 * longRunMax}.
 */
public record AnomalySettings(
    Duration doorOpenMax,
    Duration gapAlert,
    double highDayFactor,
    Duration shortCycleMin,
    Duration longRunMax) {

  public static AnomalySettings defaults() {
    return new AnomalySettings(
        Duration.ofMinutes(2),
        Duration.ofMinutes(15),
        2.0,
        Duration.ofMinutes(2),
        Duration.ofHours(2));
  }
}
