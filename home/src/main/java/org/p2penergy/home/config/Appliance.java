package org.p2penergy.home.config;

import java.time.Duration;
import java.util.List;

/**
 * One sensor and what it measures. {@code noiseFloorW} is subtracted from every reading (clamped at
 * zero); an interval between readings longer than {@code maxGap} is not charged.
 */
public record Appliance(
    String deviceId,
    String name,
    ApplianceKind kind,
    double noiseFloorW,
    Duration maxGap,
    List<ApplianceState> states) {

  /** The sensor noise floor measured with no load (design.md). */
  public static final double DEFAULT_NOISE_FLOOR_W = 5.5;

  public static final Duration DEFAULT_MAX_GAP = Duration.ofSeconds(60);

  public Appliance {
    states = List.copyOf(states);
  }

  /** A device that is not in the config: analysed as a generic appliance named by its id. */
  public static Appliance unlisted(String deviceId) {
    return new Appliance(
        deviceId,
        deviceId,
        ApplianceKind.GENERIC,
        DEFAULT_NOISE_FLOOR_W,
        DEFAULT_MAX_GAP,
        ApplianceKind.GENERIC.defaultStates());
  }
}
