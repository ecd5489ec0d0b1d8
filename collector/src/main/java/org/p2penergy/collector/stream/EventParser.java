package org.p2penergy.collector.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.stream.ParsedEvent.Accepted;
import org.p2penergy.collector.stream.ParsedEvent.Ignored;
import org.p2penergy.collector.stream.ParsedEvent.IgnoredKind;
import org.p2penergy.collector.stream.ParsedEvent.Rejected;
import org.p2penergy.home.readings.PhysicalRange;

/**
 * Turns one Particle Cloud event (the SSE {@code event:} name and the JSON of its {@code data:}
 * line) into readings, or says why not. Pure: the receive time is passed in. The same rules serve
 * the live stream and the legacy SQLite import ({@link #parseFields}).
 */
public final class EventParser {
  /** Particle's own limit is 1024 bytes of data (622 on older Device OS). */
  public static final int MAX_DATA_CHARS = 1024;

  /** A whole event line far beyond any real one: not parsed at all. */
  public static final int MAX_EVENT_CHARS = 16 * 1024;

  /** The physical range every way in shares ({@link PhysicalRange}). */
  public static final double MAX_ABS_VALUE = PhysicalRange.MAX_ABS_VALUE;

  /** Particle's cloud did not exist before 2013; nothing can be published in the future. */
  private static final Instant EARLIEST = Instant.parse("2013-01-01T00:00:00Z");

  private static final long MAX_FUTURE_SECONDS = 24 * 3600;
  private static final int MAX_NAME_CHARS = 64;
  private static final Pattern COREID = Pattern.compile("[0-9a-fA-F]{24}");
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
  private static final Pattern NON_FINITE =
      Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

  // Reasons, stable strings: operators grep the quarantine for them and analytics counts them.
  public static final String BAD_JSON = "bad JSON";
  public static final String NOT_AN_OBJECT = "event JSON is not an object";
  public static final String OVERSIZED_EVENT = "oversized event";
  public static final String OVERSIZED_DATA = "oversized data";
  public static final String BAD_EVENT_NAME = "bad event name";
  public static final String MISSING_COREID = "missing coreid";
  public static final String BAD_COREID = "bad coreid";
  public static final String MISSING_PUBLISHED_AT = "missing published_at";
  public static final String BAD_PUBLISHED_AT = "bad published_at";
  public static final String PUBLISHED_AT_OUT_OF_RANGE = "published_at out of range";
  public static final String BAD_TTL = "bad ttl";
  public static final String MISSING_DATA = "missing data";
  public static final String EMPTY_DATA = "empty data";
  public static final String NOT_A_NUMBER = "data is not a number";
  public static final String NON_FINITE_VALUE = "NaN or Infinity";
  public static final String OUT_OF_RANGE = PhysicalRange.OUT_OF_RANGE;
  public static final String NO_NUMERIC_FIELD = "JSON data has no numeric field";

  private final JsonMapper json =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** Parses an event from the stream: {@code name} from {@code event:}, {@code raw} from data. */
  public ParsedEvent parse(String name, String raw, Instant receivedAt) {
    if (raw == null || raw.length() > MAX_EVENT_CHARS) {
      return raw == null ? new Rejected(BAD_JSON) : new Rejected(OVERSIZED_EVENT);
    }
    JsonNode root;
    try {
      root = json.readTree(raw);
    } catch (JsonProcessingException e) {
      return new Rejected(BAD_JSON);
    }
    if (root == null || root.isMissingNode()) {
      return new Rejected(BAD_JSON);
    }
    if (!root.isObject()) {
      return new Rejected(NOT_AN_OBJECT);
    }
    JsonNode ttl = root.get("ttl");
    if (ttl != null && !validTtl(ttl)) {
      return new Rejected(BAD_TTL);
    }
    JsonNode coreid = root.get("coreid");
    if (coreid != null && !coreid.isTextual()) {
      return new Rejected(BAD_COREID);
    }
    JsonNode published = root.get("published_at");
    if (published != null && !published.isTextual()) {
      return new Rejected(BAD_PUBLISHED_AT);
    }
    if (!root.has("data")) {
      return new Rejected(MISSING_DATA);
    }
    Instant publishedAt = null;
    if (published != null) {
      try {
        publishedAt = PublishedAt.parse(published.asText());
      } catch (DateTimeParseException e) {
        return new Rejected(BAD_PUBLISHED_AT);
      }
    }
    return parseFields(
        name, coreid == null ? null : coreid.asText(), root.get("data"), publishedAt, receivedAt);
  }

  /**
   * The rules after the envelope: {@code data} is a JSON value (a string holding a number, {@code
   * "null"} or a JSON object; or a bare number).
   */
  public ParsedEvent parseFields(
      String name, String coreid, JsonNode data, Instant publishedAt, Instant receivedAt) {
    if (name == null || name.isEmpty() || name.length() > MAX_NAME_CHARS || hasControl(name)) {
      return new Rejected(BAD_EVENT_NAME);
    }
    if (isCloudEvent(name)) {
      return new Ignored(IgnoredKind.CLOUD_EVENT);
    }
    if (coreid == null || coreid.isEmpty()) {
      return new Rejected(MISSING_COREID);
    }
    if (!COREID.matcher(coreid).matches()) {
      return new Rejected(BAD_COREID);
    }
    String deviceId = coreid.toLowerCase(java.util.Locale.ROOT);
    ParsedEvent parsed = ofDevice(deviceId, name, data, publishedAt, receivedAt);
    // A rejection that knows its device is quarantined in that device's home.
    return parsed instanceof Rejected r ? new Rejected(r.reason(), deviceId) : parsed;
  }

  private ParsedEvent ofDevice(
      String deviceId, String name, JsonNode data, Instant publishedAt, Instant receivedAt) {
    if (publishedAt == null) {
      return new Rejected(MISSING_PUBLISHED_AT);
    }
    if (publishedAt.isBefore(EARLIEST)
        || publishedAt.isAfter(receivedAt.plusSeconds(MAX_FUTURE_SECONDS))) {
      return new Rejected(PUBLISHED_AT_OUT_OF_RANGE);
    }
    if (data == null) {
      return new Rejected(MISSING_DATA);
    }
    if (data.isNull()) {
      return new Ignored(IgnoredKind.NO_DATA);
    }
    if (data.isNumber()) {
      return single(deviceId, name, publishedAt, receivedAt, data.asText());
    }
    if (data.isObject()) {
      return object(deviceId, name, publishedAt, receivedAt, data);
    }
    if (!data.isTextual()) {
      return new Rejected(NOT_A_NUMBER);
    }
    String text = data.asText();
    if (text.length() > MAX_DATA_CHARS) {
      return new Rejected(OVERSIZED_DATA);
    }
    String trimmed = text.strip();
    if (trimmed.equals("null")) {
      return new Ignored(IgnoredKind.NO_DATA);
    }
    if (trimmed.isEmpty()) {
      return new Rejected(EMPTY_DATA);
    }
    if (trimmed.startsWith("{")) {
      try {
        return object(deviceId, name, publishedAt, receivedAt, json.readTree(trimmed));
      } catch (JsonProcessingException e) {
        return new Rejected(BAD_JSON);
      }
    }
    return single(deviceId, name, publishedAt, receivedAt, trimmed);
  }

  public static boolean isCloudEvent(String name) {
    return name.startsWith("spark/") || name.startsWith("particle/") || name.startsWith("hook-");
  }

  private ParsedEvent single(
      String deviceId, String name, Instant publishedAt, Instant receivedAt, String text) {
    if (NON_FINITE.matcher(text).matches()) {
      return new Rejected(NON_FINITE_VALUE);
    }
    if (!DECIMAL.matcher(text).matches()) {
      return new Rejected(NOT_A_NUMBER);
    }
    double value = Double.parseDouble(text);
    if (!Double.isFinite(value)) {
      return new Rejected(NON_FINITE_VALUE);
    }
    if (!PhysicalRange.contains(value)) {
      return new Rejected(OUT_OF_RANGE);
    }
    return new Accepted(
        deviceId,
        name,
        publishedAt,
        List.of(new Reading(deviceId, name, publishedAt, receivedAt, value)));
  }

  /** A JSON object payload: each numeric field is a reading named {@code name.field}. */
  private ParsedEvent object(
      String deviceId, String name, Instant publishedAt, Instant receivedAt, JsonNode object) {
    if (object == null || !object.isObject()) {
      return new Rejected(NOT_A_NUMBER);
    }
    List<Reading> readings = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isNumber()) {
        continue; // text, booleans and nested objects are context, not readings
      }
      String event = name + "." + field.getKey();
      if (field.getKey().isEmpty() || event.length() > 2 * MAX_NAME_CHARS || hasControl(event)) {
        return new Rejected(BAD_EVENT_NAME);
      }
      double value = field.getValue().asDouble();
      if (!Double.isFinite(value)) {
        return new Rejected(NON_FINITE_VALUE);
      }
      if (!PhysicalRange.contains(value)) {
        return new Rejected(OUT_OF_RANGE);
      }
      readings.add(new Reading(deviceId, event, publishedAt, receivedAt, value));
    }
    if (readings.isEmpty()) {
      return new Rejected(NO_NUMERIC_FIELD);
    }
    return new Accepted(deviceId, name, publishedAt, readings);
  }

  private static boolean validTtl(JsonNode ttl) {
    if (ttl.isIntegralNumber()) {
      return ttl.asLong() >= 0;
    }
    return ttl.isTextual() && ttl.asText().matches("\\d{1,9}");
  }

  private static boolean hasControl(String s) {
    return s.chars().anyMatch(Character::isISOControl);
  }
}
