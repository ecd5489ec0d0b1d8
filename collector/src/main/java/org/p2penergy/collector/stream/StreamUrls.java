package org.p2penergy.collector.stream;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.p2penergy.home.text.Redact;

/** The stream and device-list URLs derived from {@code --stream} and {@code --event-prefix}. */
public final class StreamUrls {
  private StreamUrls() {}

  /**
   * Appends the event prefix as a path segment ({@code /v1/devices/events/power}); the URL was
   * checked where it came from (the config's stream_url or {@code --stream}).
   */
  public static URI stream(URI base, Optional<String> prefix) {
    if (prefix.isEmpty() || prefix.get().isEmpty()) {
      return base;
    }
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    String segment = URLEncoder.encode(prefix.get(), StandardCharsets.UTF_8).replace("+", "%20");
    return URI.create(
        base.getScheme()
            + "://"
            + base.getRawAuthority()
            + path
            + "/"
            + segment
            + (base.getRawQuery() == null ? "" : "?" + base.getRawQuery()));
  }

  /** {@code /v1/devices} on the stream's host (keeping any path in front of {@code /v1/}). */
  public static URI devices(URI stream) {
    String path = stream.getRawPath() == null ? "" : stream.getRawPath();
    int v1 = path.indexOf("/v1/");
    String front = v1 < 0 ? "" : path.substring(0, v1);
    return URI.create(
        stream.getScheme() + "://" + stream.getRawAuthority() + front + "/v1/devices");
  }

  /** The URL as it may be logged: without query and user info. */
  public static String redacted(URI url) {
    return Redact.url(url);
  }
}
