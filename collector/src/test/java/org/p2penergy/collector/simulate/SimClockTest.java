package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimClockTest {
  final AtomicLong nanos = new AtomicLong(5_000_000_000L);

  @Test
  void simulatedTimeIsStartPlusSpeedTimesRealElapsed() {
    SimClock clock = new SimClock(1_000_000, 2_880, nanos::get);
    assertThat(clock.nowMillis()).isEqualTo(1_000_000); // held until run()
    nanos.addAndGet(7_000_000_000L);
    assertThat(clock.nowMillis()).isEqualTo(1_000_000);
    clock.run();
    nanos.addAndGet(30_000_000_000L); // 30 s real at 2880x = 86 400 s simulated: one day
    assertThat(clock.nowMillis()).isEqualTo(1_000_000 + 86_400_000);
    nanos.addAndGet(1_000_000L); // 1 ms real = 2.88 s simulated
    assertThat(clock.nowMillis()).isEqualTo(1_000_000 + 86_400_000 + 2_880);
  }

  @Test
  void realTimeUntilASimulatedInstant() {
    SimClock clock = new SimClock(0, 1_000, nanos::get);
    clock.run();
    assertThat(clock.realNanosUntil(5_000)).isEqualTo(5_000_000L); // 5 s simulated = 5 ms real
    assertThat(clock.realNanosUntil(-1)).isZero();
  }
}
