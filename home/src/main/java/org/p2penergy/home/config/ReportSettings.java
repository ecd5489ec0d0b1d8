package org.p2penergy.home.config;

/** Which periodic reports the nightly run sends besides the daily one. */
public record ReportSettings(boolean weekly, boolean monthly) {
  public static ReportSettings defaults() {
    return new ReportSettings(false, false);
  }
}
