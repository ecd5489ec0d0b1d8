package org.p2penergy.collector.stream;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.p2penergy.home.cli.UserException;

/** The stream and device-list URLs derived from {@code --stream} and {@code --event-prefix}. */
public final class StreamUrls {
  private StreamUrls() {}

  /**
   * Checks the stream URL and appends the event prefix as a path segment ({@code
   * /v1/devices/events/power}).
   */
  public static URI stream(URI base, Optional<String> prefix) {
    String scheme = base.getScheme();
    if (scheme == null
        || !(scheme.equals("http") || scheme.equals("https"))
        || base.getHost() == null) {
      throw new UserException("--stream: '" + redacted(base) + "' is not an http(s) URL");
    }
    if (base.getRawQuery() != null && base.getRawQuery().contains("access_token")) {
      throw new UserException(
          "--stream: the URL carries an access_token; give the token with PARTICLE_ACCESS_TOKEN"
              + " or --token-file instead, so it never appears in a URL or a log");
    }
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
    if (url.getHost() == null) {
      return "(not a URL)";
    }
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }
}
