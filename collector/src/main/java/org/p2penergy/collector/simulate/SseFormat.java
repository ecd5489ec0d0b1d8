package org.p2penergy.collector.simulate;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The bytes the Particle Cloud writes on an event stream, copied from real captures: the {@code
 * :ok} greeting, then per event an {@code event:} line, a {@code data:} line holding one JSON
 * object with the keys in the cloud's order ({@code data, ttl, published_at, coreid}, and on
 * product streams {@code userid, version, public, productID}) and a blank line.
 */
final class SseFormat {
  static final byte[] GREETING = ":ok\n\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] KEEP_ALIVE = "\n".getBytes(StandardCharsets.US_ASCII);
  static final int TTL = 60;

  private static final DateTimeFormatter PUBLISHED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SseFormat() {}

  /** Extra fields of a product stream ({@code /v1/products/{product}/events}). */
  record ProductFields(String userid, int version, long productId) {}

  static String publishedAt(long epochMillis) {
    return PUBLISHED_AT.format(java.time.Instant.ofEpochMilli(epochMillis));
  }

  /** The whole event block, ending with the blank line. {@code product} may be null. */
  static String event(SimEvent event, ProductFields product) {
    StringBuilder out = new StringBuilder(192 + event.data().length());
    out.append("event: ").append(event.name()).append("\ndata: {\"data\":");
    appendJsonString(out, event.data());
    out.append(",\"ttl\":").append(TTL);
    out.append(",\"published_at\":\"").append(publishedAt(event.publishedAtMillis()));
    out.append("\",\"coreid\":");
    appendJsonString(out, event.coreid());
    if (product != null) {
      out.append(",\"userid\":");
      appendJsonString(out, product.userid());
      out.append(",\"version\":").append(product.version());
      out.append(",\"public\":false,\"productID\":").append(product.productId());
    }
    return out.append("}\n\n").toString();
  }

  static void appendJsonString(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** A decimal with one digit after the point, like the original firmware's {@code "160.2"}. */
  static String oneDecimal(double value) {
    long tenths = Math.round(value * 10);
    String sign = tenths < 0 ? "-" : "";
    tenths = Math.abs(tenths);
    return sign + (tenths / 10) + "." + (tenths % 10);
  }
}
