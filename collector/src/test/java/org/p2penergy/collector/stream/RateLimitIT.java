package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.simulate.Fault;
import org.p2penergy.collector.simulate.ParticleCloudSimulator;

/** The stream loop asks the open-rate limiter before every open, even when drops keep coming. */
class RateLimitIT {
  private static final String TOKEN = "rate-limit-token";
  @TempDir Path dir;

  @Test
  void aCloudThatKeepsDroppingGetsNoMoreOpensThanTheLimit() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    MemorySinks sinks = new MemorySinks();
    try (ParticleCloudSimulator cloud =
            ParticleCloudSimulator.builder()
                .tokens(Set.of(TOKEN))
                .speed(60)
                .start(Instant.parse("2026-11-27T12:00:00Z"))
                .faults(
                    java.util.List.of(
                        Fault.of(Fault.Kind.DROP, Duration.ofMillis(300))
                            .every(Duration.ofMillis(300))))
                .build()
                .start();
        ParticleConnector connector =
            new ParticleConnector(
                cloud.baseUri().resolve("/v1/devices/events"), TOKEN, Duration.ofSeconds(30))) {
      StreamLoop loop =
          new StreamLoop(
              connector,
              (name, data, at) -> {},
              new OutageTracker(sinks.sinks().outages(), new Heartbeat(dir), Instant.now()),
              new Backoff(Duration.ofMillis(100), Duration.ofMillis(200), new Random(1)),
              new OpenRateLimiter(3, Duration.ofMinutes(1)),
              Clock.systemUTC(),
              new StopSignal(),
              log);
      Thread t =
          new Thread(
              () -> {
                try {
                  loop.run();
                } catch (Exception e) {
                  throw new RuntimeException(e);
                }
              });
      t.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
      while (!bytes.toString(StandardCharsets.UTF_8).contains("cloud rate limit")
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      int openedWhenLimited = cloud.streamsOpened();
      long loopOpens = loop.opens();
      loop.stop(); // also cuts the long wait short
      t.join(10_000);
      String out = bytes.toString(StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("(\\d+) stream opens in 60 s; waiting (\\d+) s").matcher(out);
      assertThat(m.find()).as(out).isTrue();
      assertThat(m.group(1)).isEqualTo("3");
      // The 4th open waits for the 1st to leave the minute: most of a minute.
      assertThat(Long.parseLong(m.group(2))).isBetween(40L, 60L);
      assertThat(openedWhenLimited).isEqualTo(3);
      assertThat(loopOpens).isEqualTo(3);
      assertThat(t.isAlive()).isFalse();
    }
  }
}
