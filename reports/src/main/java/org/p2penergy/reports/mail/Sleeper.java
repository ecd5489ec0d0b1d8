package org.p2penergy.reports.mail;

import java.time.Duration;

/** Waits between attempts; tests pass one that only records the waits. */
@FunctionalInterface
public interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper real() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
