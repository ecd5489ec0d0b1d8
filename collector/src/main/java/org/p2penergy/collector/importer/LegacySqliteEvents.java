package org.p2penergy.collector.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import org.p2penergy.collector.stream.EventParser;
import org.p2penergy.collector.stream.ParsedEvent;

/**
 * A legacy row through the collector's own rules: {@link EventParser#parseFields} after the two
 * things the old store did differently, its {@code published_at} text (UTC, {@code YYYY-MM-DD
 * HH:MM:SS.ffffff}) and SQLite's typed {@code data} column.
 */
public final class LegacySqliteEvents {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code 2017-09-24 21:45:43.182000}; the fraction may be shorter or missing. */
  static final DateTimeFormatter LEGACY_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("uuuu-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
          .optionalEnd()
          .toFormatter()
          .withResolverStyle(java.time.format.ResolverStyle.STRICT);

  private final EventParser parser;

  public LegacySqliteEvents(EventParser parser) {
    this.parser = parser;
  }

  public ParsedEvent parse(LegacySqliteRow row, Instant receivedAt) {
    Instant published;
    if (row.publishedAt() == null || row.publishedAt().isBlank()) {
      published = null;
    } else {
      published = time(row.publishedAt().strip());
      if (published == null) {
        return new ParsedEvent.Rejected(EventParser.BAD_PUBLISHED_AT);
      }
    }
    if (row.data() instanceof String s && s.length() > EventParser.MAX_EVENT_CHARS) {
      return new ParsedEvent.Rejected(EventParser.OVERSIZED_DATA);
    }
    return parser.parseFields(row.name(), row.coreid(), data(row.data()), published, receivedAt);
  }

  /** The row as one JSON line for the quarantine: every column, as stored. */
  public static String raw(LegacySqliteRow row) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", row.id());
    o.put("name", row.name());
    o.set("data", data(row.data()));
    o.put("coreid", row.coreid());
    o.put("published_at", row.publishedAt());
    o.set("ttl", data(row.ttl()));
    o.set("productID", data(row.productId()));
    o.set("public", data(row.isPublic()));
    o.set("userid", data(row.userid()));
    o.set("version", data(row.version()));
    return o.toString();
  }

  private static JsonNode data(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value == null) {
      return f.nullNode();
    }
    if (value instanceof Integer i) {
      return f.numberNode(i.longValue());
    }
    if (value instanceof Long l) {
      return f.numberNode(l);
    }
    if (value instanceof Number n) {
      return f.numberNode(n.doubleValue());
    }
    if (value instanceof byte[] b) {
      return f.textNode(new String(b, java.nio.charset.StandardCharsets.UTF_8));
    }
    return f.textNode(value.toString());
  }

  static Instant time(String text) {
    try {
      return LocalDateTime.parse(text, LEGACY_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }
}
