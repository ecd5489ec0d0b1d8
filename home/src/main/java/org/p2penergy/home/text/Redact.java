package org.p2penergy.home.text;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The one redaction step every message that quotes user input passes (Cli prints nothing that has
 * not been through {@link #text}): query values, user info in URLs, {@code Bearer} tokens and the
 * values of parameters named like secrets are replaced by {@code ***}. A user who pasted a token
 * into a URL by mistake must not find it in a log, a journal or a terminal scroll-back.
 */
public final class Redact {
  public static final String MASK = "***";

  // ?key=value and &key=value: every query value, whatever the key (the URL may be malformed).
  private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=\\s&#?]*=)[^&\\s#'\"]*");
  // scheme://user:password@host -> scheme://***@host
  private static final Pattern USER_INFO = Pattern.compile("(://)[^/\\s@'\"]+@");
  private static final Pattern BEARER = Pattern.compile("(?i)(bearer\\s+)[^\\s'\"]+");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile(
          "(?i)\\b(access_token|token|password|passwd|secret[a-z_]*|x-amz-[a-z-]+)=[^&#\\s'\"]*");

  private Redact() {}

  /** {@code text} with every secret-looking part masked; null stays null. */
  public static String text(String text) {
    if (text == null) {
      return null;
    }
    String out = USER_INFO.matcher(text).replaceAll("$1" + MASK + "@");
    out = QUERY_VALUE.matcher(out).replaceAll("$1" + MASK);
    out = SECRET_PARAMETER.matcher(out).replaceAll("$1=" + MASK);
    return BEARER.matcher(out).replaceAll("$1" + MASK);
  }

  /** A URL as it may be logged: scheme, host, port and path only. */
  public static String url(URI url) {
    if (url == null || url.getHost() == null) {
      return url == null ? "(no URL)" : text(url.toString());
    }
    return url.getScheme()
        + "://"
        + url.getHost()
        + (url.getPort() < 0 ? "" : ":" + url.getPort())
        + (url.getRawPath() == null ? "" : url.getRawPath());
  }

  /** True when the text holds a control character (a line break in a token, say). */
  public static boolean hasControl(String text) {
    return text.chars().anyMatch(Character::isISOControl);
  }
}
