package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The same seed gives the same events whatever the speed or the moment a client connects. */
class DeterminismIT {
  static final Instant START = Instant.parse("2026-11-27T05:00:00Z");

  record Seen(String coreid, String name, String publishedAt, String data) {}

  static List<Seen> firstEvents(long seed, double speed, boolean hold, int n) throws Exception {
    try (ParticleCloudSimulator cloud =
            ParticleCloudSimulator.builder()
                .seed(seed)
                .speed(speed)
                .start(START)
                .holdClockUntilFirstStream(hold)
                .build()
                .start();
        SseClient client = SseClient.open(cloud.baseUri().resolve("/v1/devices/events"), "t")) {
      return client.events(n).stream()
          .map(e -> new Seen(e.coreid(), e.name(), e.publishedAt(), e.value()))
          .toList();
    }
  }

  @Test
  void sameSeedSameFirstEventsAtAnySpeed() throws Exception {
    List<Seen> slow = firstEvents(7, 120, true, 150);
    List<Seen> fast = firstEvents(7, 50_000, true, 150);
    assertThat(slow).hasSize(150).isEqualTo(fast);
    // held clock: the first subscriber sees the simulation from its very start
    assertThat(slow.get(0).publishedAt()).startsWith("2026-11-27T05:00:0");
  }

  @Test
  void anotherSeedGivesOtherEvents() throws Exception {
    List<Seen> one = firstEvents(7, 50_000, true, 100);
    List<Seen> other = firstEvents(8, 50_000, true, 100);
    assertThat(one).hasSize(100);
    assertThat(other).hasSize(100);
    assertThat(other).doesNotContainAnyElementsOf(one);
  }

  @Test
  void clientsConnectingAtDifferentTimesSeeTheSameEventsWhereTheyOverlap() throws Exception {
    // Clock running from the start: each client starts wherever the clock is when it connects.
    TreeMap<String, Seen> a = byKey(firstEvents(7, 3_000, false, 3_000));
    TreeMap<String, Seen> b = byKey(firstEvents(7, 600, false, 600));
    String from = later(a.firstKey(), b.firstKey());
    String to = earlier(a.lastKey(), b.lastKey());
    assertThat(from.compareTo(to)).as("the two windows overlap").isLessThan(0);
    assertThat(a.subMap(from, true, to, true))
        .isNotEmpty()
        .isEqualTo(b.subMap(from, true, to, true));
  }

  static TreeMap<String, Seen> byKey(List<Seen> events) {
    TreeMap<String, Seen> out = new TreeMap<>();
    for (Seen s : events) {
      out.put(s.publishedAt() + " " + s.coreid() + " " + s.name(), s);
    }
    return out;
  }

  static String later(String x, String y) {
    return x.compareTo(y) >= 0 ? x : y;
  }

  static String earlier(String x, String y) {
    return x.compareTo(y) <= 0 ? x : y;
  }

  @Test
  void theModelIsAPureFunctionOfTime() {
    SimulatedHome home =
        SimulatedHome.measured(
            7, java.time.ZoneId.of("America/New_York"), Set.of(ReadingEvent.POWER));
    DeviceTimeline fridge = home.devices().get(0);
    long t0 = START.toEpochMilli();
    DeviceTimeline.EventCursor early = fridge.cursor(t0);
    DeviceTimeline.EventCursor late = fridge.cursor(t0 + 777_777);
    while (early.peek().publishedAtMillis() < t0 + 777_777) {
      early.advance();
    }
    for (int i = 0; i < 2_000; i++) {
      assertThat(late.peek()).isEqualTo(early.peek());
      late.advance();
      early.advance();
    }
  }
}
