package org.p2penergy.home.config;

import java.time.Duration;

/** Durability and pacing of the collector; each has a command-line option of the same name. */
public record CollectorSettings(
    Duration fsyncInterval, Duration roll, int maxRowsPerFile, Duration readTimeout) {

  public static final Duration DEFAULT_FSYNC_INTERVAL = Duration.ofSeconds(1);
  public static final Duration DEFAULT_ROLL = Duration.ofHours(1);
  public static final int DEFAULT_MAX_ROWS_PER_FILE = 1_000_000;
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);

  public static CollectorSettings defaults() {
    return new CollectorSettings(
        DEFAULT_FSYNC_INTERVAL, DEFAULT_ROLL, DEFAULT_MAX_ROWS_PER_FILE, DEFAULT_READ_TIMEOUT);
  }
}
