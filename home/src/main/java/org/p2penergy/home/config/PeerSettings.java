package org.p2penergy.home.config;

/**
 * When appliances are compared across homes: a kind only with appliances from at least {@code
 * minHomes} homes (k-anonymity: never below {@link #MIN_HOMES_FLOOR}), an appliance-day only with
 * at least {@code minCoverage} of the day covered by readings.
 */
public record PeerSettings(int minHomes, double minCoverage) {
  public static final int MIN_HOMES_FLOOR = 3;
  public static final int DEFAULT_MIN_HOMES = 5;
  public static final double DEFAULT_MIN_COVERAGE = 0.95;

  public static PeerSettings defaults() {
    return new PeerSettings(DEFAULT_MIN_HOMES, DEFAULT_MIN_COVERAGE);
  }
}
