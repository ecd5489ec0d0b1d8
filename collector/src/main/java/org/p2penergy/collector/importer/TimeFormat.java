package org.p2penergy.collector.importer;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;

/**
 * How a trace writes its time column: {@code epoch-seconds}, {@code epoch-millis}, {@code iso}, or
 * a {@link DateTimeFormatter} pattern such as {@code dd/MM/yyyy HH:mm:ss}. Times without an offset
 * are read in the trace's zone; in a DST overlap the earlier offset wins.
 */
public sealed interface TimeFormat {

  /**
   * @throws DateTimeException (or its subclasses) if the text is not a time in this format
   */
  Instant parse(String text, ZoneId zone);

  /** The text {@link #of} reads back to this format. */
  String spec();

  /**
   * @throws IllegalArgumentException with a one-line message if the spec is not a format
   */
  static TimeFormat of(String spec) {
    return switch (spec) {
      case "epoch-seconds" -> new EpochSeconds();
      case "epoch-millis" -> new EpochMillis();
      case "iso" -> new Iso();
      default -> {
        try {
          // STRICT refuses 31/02; it needs 'u' (proleptic year) where people write 'y'.
          yield new Pattern(
              spec,
              DateTimeFormatter.ofPattern(prolepticYears(spec))
                  .withResolverStyle(ResolverStyle.STRICT));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "'"
                  + spec
                  + "' is not a time format (epoch-seconds, epoch-millis, iso or a pattern"
                  + " like dd/MM/yyyy HH:mm:ss): "
                  + e.getMessage());
        }
      }
    };
  }

  private static String prolepticYears(String pattern) {
    StringBuilder out = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (char c : pattern.toCharArray()) {
      if (c == '\'') quoted = !quoted;
      out.append(!quoted && c == 'y' ? 'u' : c);
    }
    return out.toString();
  }

  /** Unix seconds, possibly with a fraction; a leading {@code +} is accepted. */
  record EpochSeconds() implements TimeFormat {
    @Override
    public Instant parse(String text, ZoneId zone) {
      BigDecimal seconds = Numbers.decimal(text);
      BigDecimal micros = seconds.movePointRight(6);
      try {
        long us = micros.setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        return Instant.ofEpochSecond(
            Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1000);
      } catch (ArithmeticException e) {
        throw new DateTimeException("epoch seconds out of range: " + text);
      }
    }

    @Override
    public String spec() {
      return "epoch-seconds";
    }
  }

  /** Unix milliseconds; a leading {@code +} is accepted. */
  record EpochMillis() implements TimeFormat {
    @Override
    public Instant parse(String text, ZoneId zone) {
      try {
        return Instant.ofEpochMilli(Numbers.decimal(text).longValueExact());
      } catch (ArithmeticException e) {
        throw new DateTimeException("not a whole number of milliseconds: " + text);
      }
    }

    @Override
    public String spec() {
      return "epoch-millis";
    }
  }

  /** ISO-8601 with an offset ({@code 2026-11-27T18:07:12Z}) or without (then in the zone). */
  record Iso() implements TimeFormat {
    @Override
    public Instant parse(String text, ZoneId zone) {
      TemporalAccessor t =
          DateTimeFormatter.ISO_DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
      if (t instanceof ZonedDateTime z) return z.toInstant();
      return ZonedDateTime.ofLocal((LocalDateTime) t, zone, null).toInstant();
    }

    @Override
    public String spec() {
      return "iso";
    }
  }

  /** A {@link DateTimeFormatter} pattern for a local date and time, read in the trace's zone. */
  record Pattern(String spec, DateTimeFormatter formatter) implements TimeFormat {
    @Override
    public Instant parse(String text, ZoneId zone) {
      try {
        return ZonedDateTime.ofLocal(LocalDateTime.parse(text, formatter), zone, null).toInstant();
      } catch (DateTimeParseException e) {
        throw new DateTimeParseException(
            "'" + text + "' does not match " + spec, text, e.getErrorIndex());
      }
    }
  }
}
