package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.ResponseHeaders;
import com.launchdarkly.eventsource.StreamException;
import com.launchdarkly.eventsource.StreamHttpErrorException;
import com.launchdarkly.logging.LDLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream loop's decisions without a network: connections come from a scripted {@link
 * ConnectStrategy} (okhttp-eventsource's own seam) and waits only move a test clock, so backoff,
 * Retry-After and the 401 rule are checked in milliseconds. The loopback ITs run the same loop
 * against the simulated cloud.
 */
class StreamLoopTest {
  private static final URI URL = URI.create("http://127.0.0.1:9/v1/devices/events");
  private static final String EVENT =
      "event: power\ndata: {\"data\":\"25.4\",\"ttl\":60,\"published_at\":"
          + "\"2026-11-27T12:00:00.000Z\",\"coreid\":\"34003d000547363332363639\"}\n\n";

  @TempDir Path dir;

  private final TestClock clock = new TestClock(Instant.parse("2026-11-27T12:00:00Z"));
  private final List<Duration> waits = new ArrayList<>();
  private final StopSignal stop =
      StopSignal.withoutWaiting(
          d -> {
            waits.add(d);
            clock.now = clock.now.plus(d);
          });
  private final List<String> events = new ArrayList<>();
  private final List<MemorySinks.Outage> outages = new ArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  /** A scripted cloud: each open takes the next answer; after the last, the loop is stopped. */
  private final class Script extends ConnectStrategy {
    final Deque<Supplier<ConnectStrategy.Client.Result>> answers = new ArrayDeque<>();
    int opens;

    Script http(int status, String retryAfter) {
      answers.add(
          () -> {
            throw new Rethrow(
                new StreamHttpErrorException(
                    status, retryAfter == null ? null : headers("Retry-After", retryAfter)));
          });
      return this;
    }

    Script stream(String body, Duration upFor) {
      answers.add(
          () -> {
            byte[] bytes = (":ok\n\n" + body).getBytes(StandardCharsets.UTF_8);
            // The connection stays up for upFor: the clock moves when the cloud closes it.
            InputStream in =
                new ByteArrayInputStream(bytes) {
                  private boolean ended;

                  @Override
                  public synchronized int read(byte[] b, int off, int len) {
                    int n = super.read(b, off, len);
                    if (n < 0 && !ended) {
                      ended = true;
                      clock.now = clock.now.plus(upFor);
                    }
                    return n;
                  }
                };
            return new ConnectStrategy.Client.Result(in, URL, () -> {});
          });
      return this;
    }

    @Override
    public Client createClient(LDLogger logger) {
      return new Client() {
        @Override
        public Result connect(String lastEventId) throws StreamException {
          opens++;
          if (answers.isEmpty()) {
            stop.stop();
            throw new StreamHttpErrorException(500);
          }
          try {
            return answers.poll().get();
          } catch (Rethrow r) {
            throw r.exception;
          }
        }

        @Override
        public boolean awaitClosed(long millis) {
          return true;
        }

        @Override
        public URI getOrigin() {
          return URL;
        }

        @Override
        public void close() {}
      };
    }
  }

  private static final class Rethrow extends RuntimeException {
    final StreamException exception;

    Rethrow(StreamException exception) {
      this.exception = exception;
    }
  }

  private static ResponseHeaders headers(String name, String value) {
    return new ResponseHeaders() {
      @Override
      public int size() {
        return 1;
      }

      @Override
      public Header get(int i) {
        return new Header(name, value);
      }

      @Override
      public String value(String n) {
        return n.equalsIgnoreCase(name) ? value : null;
      }

      @Override
      public boolean isEmpty() {
        return false;
      }
    };
  }

  private StreamLoop loop(Script script) {
    ParticleConnector connector =
        new ParticleConnector(URL, "token", Duration.ofSeconds(60), script);
    StreamEventHandler handler = (name, data, at) -> events.add(name + " " + data);
    OutageTracker tracker =
        new OutageTracker(
            (start, end, reason) -> outages.add(new MemorySinks.Outage(start, end, reason)),
            new Heartbeat(dir),
            clock.instant());
    return new StreamLoop(
        connector,
        handler,
        tracker,
        new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(2), new SplittableRandom(7)),
        new OpenRateLimiter(80, Duration.ofMinutes(5)),
        clock,
        stop,
        new PrintStream(log, true, StandardCharsets.UTF_8));
  }

  @Test
  void aRefusedTokenEndsTheLoopAtOnce() {
    Script script = new Script().http(401, null);
    assertThatThrownBy(() -> loop(script).run())
        .isInstanceOfSatisfying(
            AuthRejectedException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(script.opens).isEqualTo(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void retryAfterIsHonouredWhenLongerThanTheBackoff() throws Exception {
    Script script = new Script().http(503, "120").stream(EVENT, Duration.ofSeconds(1));
    loop(script).run();
    assertThat(waits.get(0)).isEqualTo(Duration.ofSeconds(120));
    assertThat(events).singleElement().asString().startsWith("power {");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("(Retry-After 120 s)");
    // The outage runs from the first attempt to the connection that worked, for its first reason.
    assertThat(outages).first().satisfies(o -> assertThat(o.reason()).isEqualTo("HTTP 503"));
    assertThat(Duration.between(outages.get(0).start(), outages.get(0).end()))
        .isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void backoffDoublesWithJitterAndStartsOverAfterAHealthyConnection() throws Exception {
    Script script =
        new Script()
            .http(500, null).http(500, null).http(500, null).stream(
                    EVENT, StreamLoop.HEALTHY) // stayed up: the next failure starts anew
                .http(500, null);
    loop(script).run();
    // n-th consecutive failure: a wait in [2^(n-1) / 2, 2^(n-1)] s.
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(waits.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(waits.get(3))
        .as("after a healthy connection")
        .isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
    assertThat(script.opens).isEqualTo(6);
  }

  @Test
  void aShortConnectionDoesNotResetTheBackoff() throws Exception {
    Script script =
        new Script()
            .http(500, null).stream(
                    EVENT, Duration.ofSeconds(2)) // up, but not for long: still failing
                .http(500, null);
    loop(script).run();
    assertThat(waits.get(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(waits.get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  /** A clock the scripted waits move on. */
  private static final class TestClock extends Clock {
    Instant now;

    TestClock(Instant now) {
      this.now = now;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
