package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutageTrackerTest {
  private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");
  @TempDir Path data;
  private final List<String> outages = new ArrayList<>();
  private final OutageSink sink = (s, e, r) -> outages.add(s + " " + e + " " + r);

  @Test
  void firstRunThatConnectsAtOnceRecordsNothing() throws Exception {
    OutageTracker t = new OutageTracker(sink, new Heartbeat(data), T0);
    t.up(T0.plusMillis(300));
    assertThat(outages).isEmpty();
    assertThat(t.isUp()).isTrue();
  }

  @Test
  void firstRunThatCannotConnectRecordsFromItsStartWithTheFirstReason() throws Exception {
    OutageTracker t = new OutageTracker(sink, new Heartbeat(data), T0);
    t.down(T0, "HTTP 500");
    t.down(T0.plusSeconds(2), "HTTP 503");
    t.up(T0.plusSeconds(9));
    assertThat(outages).containsExactly(T0 + " " + T0.plusSeconds(9) + " HTTP 500");
  }

  @Test
  void aDropAndFailedReconnectsAreOneOutageFromTheLastBytes() throws Exception {
    OutageTracker t = new OutageTracker(sink, new Heartbeat(data), T0);
    t.up(T0);
    t.down(T0.plusSeconds(100), "read timeout");
    t.down(T0.plusSeconds(170), "connection refused");
    t.up(T0.plusSeconds(200));
    assertThat(outages)
        .containsExactly(T0.plusSeconds(100) + " " + T0.plusSeconds(200) + " read timeout");
  }

  @Test
  void theNextRunRecordsTheTimeTheCollectorWasNotRunning() throws Exception {
    OutageTracker first = new OutageTracker(sink, new Heartbeat(data), T0);
    first.up(T0);
    first.beat(T0.plusSeconds(60)); // the last heartbeat before a kill -9
    OutageTracker second = new OutageTracker(sink, new Heartbeat(data), T0.plusSeconds(600));
    second.up(T0.plusSeconds(601));
    assertThat(outages)
        .containsExactly(
            T0.plusSeconds(60) + " " + T0.plusSeconds(601) + " " + OutageTracker.NOT_RUNNING);
  }

  @Test
  void aCleanStopWhileDownClosesTheOutageAndTheNextRunRecordsTheStopAsStopped() throws Exception {
    OutageTracker t = new OutageTracker(sink, new Heartbeat(data), T0);
    t.up(T0);
    t.down(T0.plusSeconds(10), "HTTP 503");
    t.close(T0.plusSeconds(20));
    OutageTracker next = new OutageTracker(sink, new Heartbeat(data), T0.plusSeconds(50));
    next.up(T0.plusSeconds(51));
    assertThat(outages)
        .containsExactly(
            T0.plusSeconds(10) + " " + T0.plusSeconds(20) + " HTTP 503",
            T0.plusSeconds(20) + " " + T0.plusSeconds(51) + " collector stopped");
  }

  @Test
  void aCleanStopIsToldFromACrash() throws Exception {
    // Run 1 stops in order; run 2 connects, beats, and is killed (no close); run 3 starts.
    OutageTracker first = new OutageTracker(sink, new Heartbeat(data), T0);
    first.up(T0);
    first.close(T0.plusSeconds(30));
    OutageTracker second = new OutageTracker(sink, new Heartbeat(data), T0.plusSeconds(40));
    second.up(T0.plusSeconds(41));
    second.beat(T0.plusSeconds(60));
    OutageTracker third = new OutageTracker(sink, new Heartbeat(data), T0.plusSeconds(90));
    third.up(T0.plusSeconds(91));
    assertThat(outages)
        .containsExactly(
            T0.plusSeconds(30) + " " + T0.plusSeconds(41) + " collector stopped",
            T0.plusSeconds(60) + " " + T0.plusSeconds(91) + " collector not running");
  }

  @Test
  void heartbeatDoesNotMoveWhileDown() throws Exception {
    Heartbeat hb = new Heartbeat(data);
    OutageTracker t = new OutageTracker(sink, hb, T0);
    t.up(T0);
    t.down(T0.plusSeconds(5), "read timeout");
    t.beat(T0.plusSeconds(30));
    assertThat(hb.read()).contains(T0.plusSeconds(5));
  }
}
