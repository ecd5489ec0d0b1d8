package org.p2penergy.collector.stream;

import com.launchdarkly.eventsource.CommentEvent;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.eventsource.MessageEvent;
import com.launchdarkly.eventsource.StreamClosedByCallerException;
import com.launchdarkly.eventsource.StreamClosedByServerException;
import com.launchdarkly.eventsource.StreamEvent;
import com.launchdarkly.eventsource.StreamException;
import com.launchdarkly.eventsource.StreamHttpErrorException;
import com.launchdarkly.eventsource.StreamIOException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.Reader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps one subscription to the cloud alive until stopped: connect, read, and on any failure record
 * the outage and reconnect after exponential backoff with jitter, never sooner than a {@code
 * Retry-After} asks and never faster than the open-rate limit allows. Only 401/403 end it.
 */
public final class StreamLoop {
  /** A connection that stayed up this long was healthy: the next failure starts backoff anew. */
  static final Duration HEALTHY = Duration.ofSeconds(30);

  private final ParticleConnector connector;
  private final StreamEventHandler handler;
  private final OutageTracker outages;
  private final Backoff backoff;
  private final OpenRateLimiter limiter;
  private final Clock clock;
  private final StopSignal stop;
  private final PrintStream log;
  // Reused for every message: the loop reads one message at a time on one thread, and a fresh
  // 8 KiB buffer per event was a large part of the per-event allocation at full speed.
  private final char[] readBuf = new char[4096];
  private final StringBuilder dataBuf = new StringBuilder(EventParser.MAX_EVENT_CHARS + 1);
  private volatile EventSource current;
  private long opens;

  public StreamLoop(
      ParticleConnector connector,
      StreamEventHandler handler,
      OutageTracker outages,
      Backoff backoff,
      OpenRateLimiter limiter,
      Clock clock,
      StopSignal stop,
      PrintStream log) {
    this.connector = connector;
    this.handler = handler;
    this.outages = outages;
    this.backoff = backoff;
    this.limiter = limiter;
    this.clock = clock;
    this.stop = stop;
    this.log = log;
  }

  /** Runs until {@link #stop()}; returns normally then. */
  public void run() throws AuthRejectedException, IOException {
    Duration wait = Duration.ZERO;
    boolean first = true;
    while (!stop.isStopped()) {
      Duration limit = limiter.delayBeforeOpen(clock.instant());
      if (limit.compareTo(wait) > 0) {
        log.println(
            "collect: "
                + limiter.opensInWindow(clock.instant())
                + " stream opens in "
                + limiter.window().toSeconds()
                + " s; waiting "
                + limit.toSeconds()
                + " s (cloud rate limit)");
        wait = limit;
      }
      if (!stop.sleep(wait)) {
        break;
      }
      Instant attempt = clock.instant();
      limiter.recordOpen(attempt);
      opens++;
      EventSource es = connector.eventSource();
      current = es;
      if (stop.isStopped()) {
        es.close();
        break;
      }
      Instant lastActivity = attempt;
      Instant connectedAt = null;
      String reason;
      try {
        es.start();
        connectedAt = clock.instant();
        lastActivity = connectedAt;
        recordUp(connectedAt);
        log.println("collect: connected to " + StreamUrls.redacted(connector.streamUrl()));
        if (first) {
          first = false;
          handler.onFirstConnect();
        }
        while (true) {
          StreamEvent event = es.readAnyEvent();
          lastActivity = clock.instant();
          if (event instanceof MessageEvent m) {
            handler.onEvent(m.getEventName(), boundedData(m), lastActivity);
          } else if (!(event instanceof CommentEvent)) {
            continue; // StartedEvent and the like carry nothing for us
          }
        }
      } catch (StreamHttpErrorException e) {
        if (e.getCode() == 401 || e.getCode() == 403) {
          es.close();
          throw new AuthRejectedException(e.getCode());
        }
        reason = "HTTP " + e.getCode();
        wait = backoff.next();
        Optional<Duration> retryAfter =
            Optional.ofNullable(e.getHeaders())
                .flatMap(h -> RetryAfter.parse(h.value("Retry-After"), clock.instant()));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
          wait = retryAfter.get();
        }
        log.println(
            "collect: stream refused ("
                + reason
                + "); retrying in "
                + millis(wait)
                + retryAfter.map(r -> " (Retry-After " + r.toSeconds() + " s)").orElse(""));
      } catch (StreamClosedByCallerException e) {
        reason = "collector stopping";
      } catch (StreamException | IOException e) {
        if (stop.isStopped()) {
          reason = "collector stopping";
        } else {
          reason = describe(e);
          if (connectedAt != null
              && Duration.between(connectedAt, clock.instant()).compareTo(HEALTHY) >= 0) {
            backoff.reset();
          }
          wait = backoff.next();
          log.println("collect: stream lost (" + reason + "); reconnecting in " + millis(wait));
        }
      } finally {
        current = null;
        es.close();
      }
      if (!stop.isStopped()) {
        recordDown(lastActivity, reason);
      }
    }
  }

  // A full disk must not stop the stream: an outage record the log cannot take waits in
  // PendingOutages; only the heartbeat can fail here, and the next beat writes it again.
  private void recordUp(Instant at) {
    try {
      outages.up(at);
    } catch (IOException e) {
      log.println("collect: cannot write the heartbeat (" + e.getMessage() + ")");
    }
  }

  private void recordDown(Instant since, String why) {
    try {
      outages.down(since, why);
    } catch (IOException e) {
      log.println("collect: cannot write the heartbeat (" + e.getMessage() + ")");
    }
  }

  /** Stops the loop from another thread: cuts a blocking read and any wait short. */
  public void stop() {
    stop.stop();
    EventSource es = current;
    if (es != null) {
      es.close();
    }
  }

  public long opens() {
    return opens;
  }

  /** The message data, read through its Reader and cut after the largest event we accept. */
  private String boundedData(MessageEvent m) throws IOException {
    if (!m.isStreamingData()) {
      String data = m.getData();
      return data.length() > EventParser.MAX_EVENT_CHARS
          ? data.substring(0, EventParser.MAX_EVENT_CHARS + 1)
          : data;
    }
    StringBuilder out = dataBuf;
    out.setLength(0);
    char[] buf = readBuf;
    try (Reader r = m.getDataReader()) {
      int n;
      while ((n = r.read(buf)) > 0) {
        int room = EventParser.MAX_EVENT_CHARS + 1 - out.length();
        if (room > 0) {
          out.append(buf, 0, Math.min(room, n));
        }
        // beyond the cap the rest is read and dropped: memory stays bounded
      }
    }
    return out.toString();
  }

  static String describe(Exception e) {
    if (e instanceof StreamClosedByServerException) {
      return "stream closed by the cloud";
    }
    Throwable cause = e instanceof StreamIOException s ? s.getIOException() : e;
    if (cause instanceof java.net.SocketTimeoutException
        || cause instanceof InterruptedIOException) {
      return "read timeout";
    }
    if (cause instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (cause instanceof java.net.UnknownHostException) {
      return "unknown host";
    }
    return "connection lost (" + cause.getClass().getSimpleName() + ")";
  }

  private static String millis(Duration d) {
    return d.toMillis() < 10_000 ? d.toMillis() + " ms" : d.toSeconds() + " s";
  }
}
