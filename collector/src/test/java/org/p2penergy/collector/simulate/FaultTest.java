package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FaultTest {
  static final long S = 1_000_000_000L;

  @Nested
  class Syntax {
    @Test
    void kindAtAndOptions() {
      Fault f = Fault.parse("drop@30s,every=60s");
      assertThat(f.kind()).isEqualTo(Fault.Kind.DROP);
      assertThat(f.at()).isEqualTo(Duration.ofSeconds(30));
      assertThat(f.every()).isEqualTo(Duration.ofSeconds(60));
      assertThat(f.times()).isEqualTo(Integer.MAX_VALUE);

      Fault g = Fault.parse("429@5s,for=20s,retry-after=3s,times=2");
      assertThat(g.kind()).isEqualTo(Fault.Kind.HTTP_429);
      assertThat(g.length()).isEqualTo(Duration.ofSeconds(20));
      assertThat(g.retryAfterSeconds()).isEqualTo(3);
      assertThat(g.times()).isEqualTo(2);

      assertThat(Fault.parse("oversized@2s,size=5000").size()).isEqualTo(5000);
      assertThat(Fault.parse("malformed").at()).isEqualTo(Duration.ZERO);
    }

    @Test
    void defaultsPerKind() {
      assertThat(Fault.parse("stall@1s").length()).isEqualTo(Duration.ofSeconds(30));
      assertThat(Fault.parse("503@1s").length()).isEqualTo(Duration.ofSeconds(10));
      // Retry-After defaults to the window length
      assertThat(Fault.parse("503@1s,for=1500ms").retryAfterSeconds()).isEqualTo(2);
      assertThat(Fault.parse("oversized@1s").size()).isEqualTo(100_000);
      assertThat(Fault.parse("drop@1s").times()).isEqualTo(1);
    }

    @Test
    void printsBackToTheSameFault() {
      for (String spec :
          new String[] {
            "drop@30s,every=1m", "stall@10s,for=45s", "429@5s,for=20s,retry-after=3s"
          }) {
        assertThat(Fault.parse(Fault.parse(spec).toString())).isEqualTo(Fault.parse(spec));
      }
    }

    @Test
    void mistakesAreOneLineMessages() {
      assertThatThrownBy(() -> Fault.parse("explode@1s"))
          .hasMessage(
              "unknown fault 'explode', expected drop, stall, 500, 503, 429, malformed or oversized");
      assertThatThrownBy(() -> Fault.parse("drop@soon")).hasMessageContaining("is not a duration");
      assertThatThrownBy(() -> Fault.parse("drop@1s,often=yes"))
          .hasMessageContaining("unknown key 'often'");
      assertThatThrownBy(() -> Fault.parse("drop@1s,times=0"))
          .hasMessageContaining("times must be a positive whole number");
      assertThatThrownBy(() -> Fault.parse("drop@1s,every")).hasMessageContaining("key=value");
    }
  }

  @Nested
  class Schedule {
    @Test
    void occurrencesInHalfOpenWindows() {
      Fault f = Fault.parse("drop@10s,every=5s,times=3"); // at 10, 15, 20 s
      assertThat(f.occurrencesIn(0, 9 * S)).isZero();
      assertThat(f.occurrencesIn(0, 10 * S)).isEqualTo(1);
      assertThat(f.occurrencesIn(10 * S, 15 * S)).isEqualTo(1);
      assertThat(f.occurrencesIn(0, 100 * S)).isEqualTo(3);
      assertThat(f.occurrencesIn(20 * S, 100 * S)).isZero();
    }

    @Test
    void errorWindowsCoverAtToAtPlusFor() {
      Fault f = Fault.parse("503@10s,for=2s,every=60s,times=2"); // [10,12) and [70,72)
      assertThat(f.windowCovers(9 * S)).isFalse();
      assertThat(f.windowCovers(10 * S)).isTrue();
      assertThat(f.windowCovers(12 * S - 1)).isTrue();
      assertThat(f.windowCovers(12 * S)).isFalse();
      assertThat(f.windowCovers(71 * S)).isTrue();
      assertThat(f.windowCovers(131 * S)).isFalse();
    }

    @Test
    void scheduleFindsTheNextStreamFault() {
      FaultSchedule schedule =
          new FaultSchedule(
              java.util.List.of(Fault.parse("stall@4s"), Fault.parse("503@1s")), () -> 0L);
      assertThat(schedule.nextStreamFaultAfter(0)).isEqualTo(4 * S);
      assertThat(schedule.nextStreamFaultAfter(4 * S)).isEqualTo(Long.MAX_VALUE);
      assertThat(schedule.httpFaultAt(S)).isPresent();
      assertThat(schedule.streamFaultsIn(0, 5 * S))
          .extracting(Fault::kind)
          .containsExactly(Fault.Kind.STALL);
    }

    @Test
    void aFaultInjectedRightAfterACheckIsDueAtTheNextOne() {
      // The stream checks up to "now" (5 s); the fault is injected at that same instant. It must
      // be due in the next check's window (5 s, 5 s + 1 ns], not at 5 s, which was already checked:
      // that lost drop hung FaultInjectionIT once.
      long[] clock = {0};
      FaultSchedule schedule = new FaultSchedule(java.util.List.of(), () -> clock[0]);
      schedule.begin();
      clock[0] = 5 * S;
      FaultSchedule.Due first = schedule.dueNow(0);
      assertThat(first.faults()).isEmpty();
      schedule.inject(Fault.of(Fault.Kind.DROP, java.time.Duration.ZERO));
      clock[0] = 5 * S + 1;
      FaultSchedule.Due next = schedule.dueNow(first.nowNanos());
      assertThat(next.faults()).extracting(Fault::kind).containsExactly(Fault.Kind.DROP);
    }
  }
}
