package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.simulate.Fault;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;
import org.p2penergy.collector.store.Reading;

/** The stream loop against the project's simulated cloud, each fault mode in turn. */
class StreamLoopIT {
  private static final String TOKEN = "it-token-5f0e3a9c";
  @TempDir Path dir;

  private ParticleCloudSimulator cloud(Fault... faults) {
    return ParticleCloudSimulator.builder()
        .tokens(Set.of(TOKEN))
        .seed(3)
        .speed(60)
        .start(Instant.parse("2026-11-27T12:00:00Z"))
        .faults(List.of(faults))
        .sentLog(dir.resolve("sent.log"))
        .keepAlive(Duration.ofMillis(200))
        .build()
        .start();
  }

  private InProcessCollector collect(
      ParticleCloudSimulator cloud, MemorySinks sinks, Duration readTimeout) {
    URI stream = cloud.baseUri().resolve("/v1/devices/events");
    return new InProcessCollector(dir.resolve("data"), stream, TOKEN, readTimeout, sinks.sinks());
  }

  @Test
  void dropReconnectsAndRecordsTheOutage() throws Exception {
    MemorySinks sinks = new MemorySinks();
    try (ParticleCloudSimulator cloud = cloud();
        InProcessCollector c = collect(cloud, sinks, Duration.ofSeconds(30))) {
      c.await("first readings", () -> sinks.readings.size() > 3);
      cloud.inject(Fault.of(Fault.Kind.DROP, Duration.ZERO));
      c.await("a reconnect after the drop", () -> cloud.streamsOpened() >= 2);
      int before = sinks.readings.size();
      c.await("readings after the reconnect", () -> sinks.readings.size() > before + 3);
      c.close();
      assertThat(sinks.outages).hasSize(1);
      MemorySinks.Outage o = sinks.outages.get(0);
      assertThat(o.reason()).startsWith("connection lost");
      assertThat(o.end()).isAfter(o.start());
      assertThat(sinks.closed).isTrue();
      assertThat(c.output())
          .contains("stream lost")
          .contains("connected to")
          // the device list, fetched once on the first connection
          .contains("fridge (34003d000547363332363639)");
      assertThat(c.output().split("devices on this account", -1)).hasSize(2);
    }
  }

  @Test
  void stallEndsInAReadTimeoutAndAReconnect() throws Exception {
    MemorySinks sinks = new MemorySinks();
    try (ParticleCloudSimulator cloud =
            cloud(
                Fault.of(Fault.Kind.STALL, Duration.ofSeconds(2)).lasting(Duration.ofSeconds(20)));
        InProcessCollector c = collect(cloud, sinks, Duration.ofSeconds(1))) {
      c.await("a reconnect after the stall", () -> cloud.streamsOpened() >= 2);
      c.await("the outage record", () -> !sinks.outages.isEmpty());
      c.close();
      assertThat(sinks.outages.get(0).reason()).isEqualTo("read timeout");
    }
  }

  @Test
  void http500BacksOffUntilTheCloudRecovers() throws Exception {
    MemorySinks sinks = new MemorySinks();
    try (ParticleCloudSimulator cloud =
            cloud(Fault.of(Fault.Kind.HTTP_500, Duration.ZERO).lasting(Duration.ofSeconds(3)));
        InProcessCollector c = collect(cloud, sinks, Duration.ofSeconds(30))) {
      c.await("readings once the cloud is back", () -> sinks.readings.size() > 3);
      c.close();
      List<Long> waits = waits(c.output(), "HTTP 500");
      assertThat(waits).hasSizeGreaterThanOrEqualTo(2);
      // Backoff: each wait lies in the upper half of a doubling ceiling starting at 1 s.
      for (int i = 0; i < waits.size(); i++) {
        long ceiling = 1000L << i;
        assertThat(waits.get(i)).isBetween(ceiling / 2, ceiling);
      }
      assertThat(sinks.outages)
          .singleElement()
          .extracting(MemorySinks.Outage::reason)
          .isEqualTo("HTTP 500");
    }
  }

  @Test
  void http503AndHttp429RetryAfterAreRespected() throws Exception {
    for (Fault.Kind kind : new Fault.Kind[] {Fault.Kind.HTTP_503, Fault.Kind.HTTP_429}) {
      MemorySinks sinks = new MemorySinks();
      try (ParticleCloudSimulator cloud =
              cloud(
                  Fault.of(kind, Duration.ZERO)
                      .lasting(Duration.ofSeconds(1))
                      .retryAfter(Duration.ofSeconds(3)));
          InProcessCollector c = collect(cloud, sinks, Duration.ofSeconds(30))) {
        c.await("readings after the Retry-After", () -> sinks.readings.size() > 2);
        c.close();
        List<Long> waits = waits(c.output(), "HTTP " + kind.status());
        assertThat(waits)
            .as(kind.word())
            .isNotEmpty()
            .allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(3000));
        assertThat(c.output()).contains("Retry-After 3 s");
        assertThat(cloud.streamsOpened()).isEqualTo(1);
      }
    }
  }

  @Test
  void malformedAndOversizedEventsAreQuarantinedAndTheStreamGoesOn() throws Exception {
    MemorySinks sinks = new MemorySinks();
    try (ParticleCloudSimulator cloud = cloud();
        InProcessCollector c = collect(cloud, sinks, Duration.ofSeconds(30))) {
      c.await("first readings", () -> sinks.readings.size() > 3);
      cloud.inject(Fault.of(Fault.Kind.MALFORMED, Duration.ZERO));
      cloud.inject(Fault.of(Fault.Kind.OVERSIZED, Duration.ofMillis(300)).size(200_000));
      c.await("two quarantined events", () -> sinks.quarantined.size() >= 2);
      int before = sinks.readings.size();
      c.await("readings after them", () -> sinks.readings.size() > before + 3);
      c.close();
      assertThat(sinks.quarantined)
          .extracting(MemorySinks.Quarantined::reason)
          .containsExactlyInAnyOrder(EventParser.BAD_JSON, EventParser.OVERSIZED_EVENT);
      assertThat(sinks.quarantined)
          .allSatisfy(q -> assertThat(q.raw().length()).isLessThan(Quarantine.MAX_RAW_CHARS + 100));
      assertThat(cloud.streamsOpened()).isEqualTo(1);
      assertThat(sinks.outages).isEmpty();
    }
  }

  @Test
  void everyReadingMatchesTheSentLogAndNoneTwice() throws Exception {
    MemorySinks sinks = new MemorySinks();
    try (ParticleCloudSimulator cloud = cloud();
        InProcessCollector c = collect(cloud, sinks, Duration.ofSeconds(30))) {
      c.await("some readings", () -> sinks.readings.size() > 20);
      c.close();
    }
    Set<String> sent =
        Set.copyOf(
            Files.readAllLines(dir.resolve("sent.log")).stream()
                .filter(l -> !l.startsWith("#"))
                .map(l -> String.join("\t", List.of(l.split("\t")).subList(0, 4)))
                .toList());
    List<String> got =
        sinks.readings.stream()
            .map(r -> r.deviceId() + "\t" + r.event() + "\t" + r.ts() + "\t" + plain(r))
            .toList();
    assertThat(got).doesNotHaveDuplicates();
    assertThat(sent).containsAll(got);
  }

  private static String plain(Reading r) {
    return java.math.BigDecimal.valueOf(r.value()).stripTrailingZeros().toPlainString();
  }

  /** The waits the collector announced after the given cause, in order, in ms. */
  private static List<Long> waits(String output, String cause) {
    Matcher m =
        Pattern.compile("stream refused \\(" + cause + "\\); retrying in (\\d+) (ms|s)")
            .matcher(output);
    List<Long> out = new java.util.ArrayList<>();
    while (m.find()) {
      long n = Long.parseLong(m.group(1));
      out.add(m.group(2).equals("s") ? n * 1000 : n);
    }
    return out;
  }
}
