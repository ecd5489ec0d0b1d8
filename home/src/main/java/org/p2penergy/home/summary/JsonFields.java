package org.p2penergy.home.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A JSON object with its path in the document, so that a missing or mistyped field is reported by
 * name ({@code appliances[2].kwh: missing}) and never read as 0.
 */
final class JsonFields {
  private final JsonNode node;
  private final String path;

  JsonFields(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  private String at(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private SummaryFormatException error(String key, String problem) {
    return new SummaryFormatException(at(key) + ": " + problem);
  }

  private JsonNode required(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      throw error(key, "missing");
    }
    return value;
  }

  boolean has(String key) {
    return node.hasNonNull(key);
  }

  JsonFields object(String key) {
    JsonNode value = required(key);
    if (!value.isObject()) throw error(key, "expected an object");
    return new JsonFields(value, at(key));
  }

  String text(String key) {
    JsonNode value = required(key);
    if (!value.isTextual()) throw error(key, "expected a text");
    return value.asText();
  }

  String text(String key, String fallback) {
    return has(key) ? text(key) : fallback;
  }

  double number(String key) {
    JsonNode value = required(key);
    if (!value.isNumber()) throw error(key, "expected a number, got " + value);
    return value.asDouble();
  }

  long whole(String key) {
    JsonNode value = required(key);
    if (!value.isIntegralNumber() && !(value.isNumber() && value.asDouble() % 1 == 0)) {
      throw error(key, "expected a whole number, got " + value);
    }
    return value.asLong();
  }

  long whole(String key, long fallback) {
    return has(key) ? whole(key) : fallback;
  }

  int integer(String key) {
    return Math.toIntExact(whole(key));
  }

  LocalDate date(String key) {
    try {
      return LocalDate.parse(text(key));
    } catch (DateTimeParseException e) {
      throw error(key, "expected a date like 2026-11-27, got '" + text(key) + "'");
    }
  }

  OffsetDateTime time(String key) {
    try {
      return OffsetDateTime.parse(text(key));
    } catch (DateTimeParseException e) {
      throw error(key, "expected a time like 2026-11-27T00:00-05:00, got '" + text(key) + "'");
    }
  }

  /** A required list of objects, each read by {@code item}. */
  <T> List<T> list(String key, Function<JsonFields, T> item) {
    return items(key, required(key), item);
  }

  /** An optional list (added to the contract later): empty when absent. */
  <T> List<T> optionalList(String key, Function<JsonFields, T> item) {
    return has(key) ? items(key, node.get(key), item) : List.of();
  }

  private <T> List<T> items(String key, JsonNode value, Function<JsonFields, T> item) {
    if (!value.isArray()) throw error(key, "expected a list");
    List<T> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode element = value.get(i);
      String itemPath = at(key) + "[" + i + "]";
      if (!element.isObject()) {
        throw new SummaryFormatException(itemPath + ": expected an object");
      }
      out.add(item.apply(new JsonFields(element, itemPath)));
    }
    return out;
  }

  /** A list of numbers where null means "no value". */
  List<Double> numbersOrNulls(String key) {
    JsonNode value = required(key);
    if (!value.isArray()) throw error(key, "expected a list");
    List<Double> out = new ArrayList<>(value.size());
    for (int i = 0; i < value.size(); i++) {
      JsonNode n = value.get(i);
      if (n.isNull()) {
        out.add(null);
      } else if (n.isNumber()) {
        out.add(n.asDouble());
      } else {
        throw new SummaryFormatException(at(key) + "[" + i + "]: expected a number or null");
      }
    }
    return out;
  }

  /** An object of text keys to whole numbers. */
  java.util.Map<String, Long> counts(String key) {
    JsonFields counts = object(key);
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    counts.node.fieldNames().forEachRemaining(name -> out.put(name, counts.whole(name)));
    return out;
  }

  List<String> texts(String key) {
    JsonNode value = required(key);
    if (!value.isArray()) throw error(key, "expected a list");
    List<String> out = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      if (!value.get(i).isTextual()) {
        throw new SummaryFormatException(at(key) + "[" + i + "]: expected a text");
      }
      out.add(value.get(i).asText());
    }
    return out;
  }
}
