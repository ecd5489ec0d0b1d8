package org.p2penergy.collector.simulate;

import java.time.Duration;
import java.util.Set;

/** The checks of {@link ParticleCloudSimulator.Builder#build()}: one line for a bad setting. */
final class BuilderChecks {
  private BuilderChecks() {}

  /**
   * @throws IllegalArgumentException with a one-line message for the first bad setting
   */
  static void check(
      double speed, int port, Duration duration, Duration keepAlive, Set<ReadingEvent> events) {
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a positive number, got " + speed);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (duration != null && (duration.isNegative() || duration.isZero())) {
      throw new IllegalArgumentException("duration must be positive");
    }
    if (keepAlive.isNegative() || keepAlive.isZero()) {
      throw new IllegalArgumentException("keep-alive must be positive");
    }
    if (events.isEmpty()) {
      throw new IllegalArgumentException("at least one event to publish is needed");
    }
  }
}
