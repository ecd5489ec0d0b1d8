package org.p2penergy.home.readings;

/**
 * The one physical-range rule for every reading, however it enters (the stream, {@code import csv},
 * {@code import legacy-sqlite}) and wherever it is read ({@code analyze} leaves out and flags a
 * value outside it that is already on disk). No household circuit reaches a megawatt, a megavolt or
 * a mega-ampere: a value beyond is a broken sensor, a unit mix-up or junk, never energy to bill.
 */
public final class PhysicalRange {
  /** The largest magnitude a reading may have, in its own unit (W, V, A). */
  public static final double MAX_ABS_VALUE = 1_000_000;

  /** The quarantine reason, a stable string: operators grep for it and analytics counts it. */
  public static final String OUT_OF_RANGE = "value out of physical range";

  private PhysicalRange() {}

  /** True for a finite value within the range. */
  public static boolean contains(double value) {
    return Double.isFinite(value) && Math.abs(value) <= MAX_ABS_VALUE;
  }

  /** The rule in words, for messages and reports. */
  public static String describe() {
    return "|value| <= 1,000,000";
  }
}
