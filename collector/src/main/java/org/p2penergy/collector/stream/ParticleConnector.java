package org.p2penergy.collector.stream;

import com.launchdarkly.eventsource.ConnectStrategy;
import com.launchdarkly.eventsource.ErrorStrategy;
import com.launchdarkly.eventsource.EventSource;
import com.launchdarkly.logging.LDLogger;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;

/**
 * Opens Particle Cloud connections: one OkHttp client for the whole run (so reconnects reuse its
 * threads), the token only ever as an {@code Authorization: Bearer} header. okhttp's read timeout
 * is the stall detector: no byte for that long ends the connection with a timeout.
 */
public final class ParticleConnector implements AutoCloseable {
  private final URI streamUrl;
  private final String token;
  private final OkHttpClient client;
  private final ConnectStrategy connect;

  public ParticleConnector(URI streamUrl, String token, Duration readTimeout) {
    this(streamUrl, token, readTimeout, null);
  }

  /**
   * @param connect how connections are made (okhttp-eventsource's own seam): tests give a scripted
   *     one; null for the real HTTP connection with the token as a header
   */
  ParticleConnector(URI streamUrl, String token, Duration readTimeout, ConnectStrategy connect) {
    this.streamUrl = streamUrl;
    this.token = token;
    this.client =
        new OkHttpClient.Builder()
            .connectTimeout(10, TimeUnit.SECONDS)
            .writeTimeout(10, TimeUnit.SECONDS)
            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
            .retryOnConnectionFailure(false)
            .build();
    this.connect =
        connect != null
            ? connect
            : ConnectStrategy.http(streamUrl)
                .httpClient(client)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
  }

  /**
   * A new, not yet started event source. Errors are thrown to the caller, never retried inside the
   * library: the stream loop owns backoff, rate limits and outage records.
   */
  public EventSource eventSource() {
    return new EventSource.Builder(connect)
        .errorStrategy(ErrorStrategy.alwaysThrow())
        .retryDelay(0, TimeUnit.MILLISECONDS)
        // Data is read through a Reader with a size cap, so an oversized event cannot fill a 32 MB
        // heap; the event name must come first for that, as Particle sends it.
        .streamEventData(true)
        .expectFields("event")
        .logger(LDLogger.none())
        .build();
  }

  /** A GET on the same host with the token as a header (for {@code /v1/devices}). */
  public Request get(URI url) {
    return new Request.Builder()
        .url(url.toString())
        .header("Authorization", "Bearer " + token)
        .build();
  }

  public OkHttpClient client() {
    return client;
  }

  public URI streamUrl() {
    return streamUrl;
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
