package org.p2penergy.collector.stream;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads an HTTP {@code Retry-After} header: delay-seconds or an HTTP-date (RFC 9110 §10.2.3). */
public final class RetryAfter {
  /** A server asking for more than a day is wrong; waiting that long would look like a hang. */
  static final Duration MAX = Duration.ofHours(1);

  private RetryAfter() {}

  public static Optional<Duration> parse(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String value = header.strip();
    Duration delay;
    if (value.matches("\\d{1,10}")) {
      delay = Duration.ofSeconds(Long.parseLong(value));
    } else {
      try {
        Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        delay = at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }
    return Optional.of(delay.compareTo(MAX) > 0 ? MAX : delay);
  }
}
