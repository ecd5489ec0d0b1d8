package org.p2penergy.reports.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  @Test
  void delaysGrowByTheFactor() {
    RetryPolicy p = new RetryPolicy(4, Duration.ofSeconds(20), 3);
    assertThat(p.delayBefore(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(p.delayBefore(3)).isEqualTo(Duration.ofSeconds(60));
    assertThat(p.delayBefore(4)).isEqualTo(Duration.ofSeconds(180));
  }

  @Test
  void atLeastOneAttempt() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
