package org.p2penergy.reports.demo;

import java.nio.file.Path;

/**
 * One demo run: where it writes, how many simulated days at what speed, the simulator's seed, and
 * the launcher that runs {@code collect} and {@code analyze} as child processes; {@code homes}
 * simulated homes instead of the demo home (0: the demo home).
 */
record DemoSettings(Path out, int days, double speed, long seed, Path launcher, int homes) {
  static final int DEFAULT_DAYS = 2;

  /** Two simulated days in about 43 s of real time. */
  static final double DEFAULT_SPEED = 4000;
}
