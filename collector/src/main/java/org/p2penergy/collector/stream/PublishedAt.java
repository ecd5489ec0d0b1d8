package org.p2penergy.collector.stream;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Parses Particle's {@code published_at}. The cloud always sends one shape, {@code
 * 2026-11-28T03:10:21.123Z} (UTC, 0–9 fraction digits); that shape is read by hand, because {@code
 * OffsetDateTime.parse} was a visible share of the per-event CPU at full speed. Anything else, and
 * anything the fast path doubts, goes to {@code OffsetDateTime.parse}, so the accepted strings and
 * their instants are exactly the same.
 */
final class PublishedAt {
  private PublishedAt() {}

  /**
   * @throws DateTimeParseException if the text is not an ISO-8601 offset date-time
   */
  static Instant parse(String s) {
    Instant fast = fast(s);
    return fast != null ? fast : OffsetDateTime.parse(s).toInstant();
  }

  /** The instant for the cloud's own shape, or null to let the full parser decide. */
  static Instant fast(String s) {
    int n = s.length();
    if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z') return null;
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T') return null;
    if (s.charAt(13) != ':' || s.charAt(16) != ':') return null;
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) return null;
    int nano = 0;
    if (n > 20) {
      int fractionDigits = n - 21;
      if (s.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) return null;
      int fraction = digits(s, 20, fractionDigits);
      if (fraction < 0) return null;
      nano = fraction;
      for (int i = fractionDigits; i < 9; i++) nano *= 10;
    }
    try {
      long days = LocalDate.of(year, month, day).toEpochDay();
      int secondOfDay = LocalTime.of(hour, minute, second).toSecondOfDay();
      return Instant.ofEpochSecond(days * 86_400 + secondOfDay, nano);
    } catch (DateTimeException e) {
      return null; // out of range (month 13, 30 February, hour 24): the full parser rejects it
    }
  }

  /** The value of {@code len} ASCII digits at {@code from}, or -1 if one is not a digit. */
  private static int digits(String s, int from, int len) {
    int v = 0;
    for (int i = from; i < from + len; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
}
