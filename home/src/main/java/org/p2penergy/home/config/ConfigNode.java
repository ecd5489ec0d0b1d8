package org.p2penergy.home.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A YAML mapping together with its path in the file, so that every error can name the key ({@code
 * appliances[2].kind: ...}).
 */
final class ConfigNode {
  private final JsonNode node;
  private final String path;

  ConfigNode(JsonNode node, String path) {
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigException error(String key, String problem) {
    return new ConfigException(keyPath(key) + ": " + problem);
  }

  boolean has(String key) {
    return node.hasNonNull(key);
  }

  /** Rejects any key not in {@code allowed}: a typo must not be silently ignored. */
  void rejectUnknownKeys(Set<String> allowed) {
    Iterator<String> names = node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw error(
            name, "unknown key, expected one of " + String.join(", ", new TreeSet<>(allowed)));
      }
    }
  }

  ConfigNode object(String key) {
    JsonNode child = node.get(key);
    if (child == null || child.isNull()) {
      return null;
    }
    if (!child.isObject()) {
      throw error(key, "expected a mapping of keys");
    }
    return new ConfigNode(child, keyPath(key));
  }

  List<ConfigNode> objectList(String key) {
    List<ConfigNode> result = new ArrayList<>();
    JsonNode child = list(key);
    for (int i = 0; i < child.size(); i++) {
      JsonNode item = child.get(i);
      String itemPath = keyPath(key) + "[" + i + "]";
      if (!item.isObject()) {
        throw new ConfigException(itemPath + ": expected a mapping of keys");
      }
      result.add(new ConfigNode(item, itemPath));
    }
    return result;
  }

  List<String> stringList(String key) {
    List<String> result = new ArrayList<>();
    JsonNode child = list(key);
    for (int i = 0; i < child.size(); i++) {
      JsonNode item = child.get(i);
      if (!item.isValueNode() || item.isNull() || item.asText().isBlank()) {
        throw new ConfigException(keyPath(key) + "[" + i + "]: expected a non-empty text");
      }
      result.add(item.asText());
    }
    return result;
  }

  private JsonNode list(String key) {
    JsonNode child = node.get(key);
    if (child == null || child.isNull()) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
    if (!child.isArray()) {
      throw error(key, "expected a list");
    }
    return child;
  }

  String string(String key, String defaultValue) {
    JsonNode child = node.get(key);
    if (child == null || child.isNull()) {
      return defaultValue;
    }
    if (!child.isValueNode() || child.asText().isBlank()) {
      throw error(key, "expected a non-empty text");
    }
    return child.asText();
  }

  String requiredString(String key) {
    String value = string(key, null);
    if (value == null) {
      throw error(key, "missing");
    }
    return value;
  }

  double number(String key, double defaultValue, double min, double max) {
    JsonNode child = node.get(key);
    if (child == null || child.isNull()) {
      return defaultValue;
    }
    if (!child.isNumber()) {
      throw error(key, "expected a number, got '" + child.asText() + "'");
    }
    double value = child.asDouble();
    if (!(value >= min && value <= max)) {
      throw error(key, value + " is out of range [" + min + ", " + max + "]");
    }
    return value;
  }

  int integer(String key, int defaultValue, int min, int max) {
    JsonNode child = node.get(key);
    if (child == null || child.isNull()) {
      return defaultValue;
    }
    if (!child.canConvertToInt() || !child.isIntegralNumber()) {
      throw error(key, "expected a whole number, got '" + child.asText() + "'");
    }
    int value = child.asInt();
    if (value < min || value > max) {
      throw error(key, value + " is out of range [" + min + ", " + max + "]");
    }
    return value;
  }

  boolean bool(String key, boolean defaultValue) {
    JsonNode child = node.get(key);
    if (child == null || child.isNull()) {
      return defaultValue;
    }
    if (!child.isBoolean()) {
      throw error(key, "expected true or false, got '" + child.asText() + "'");
    }
    return child.asBoolean();
  }

  /** A text value converted by {@code parse}; its IllegalArgumentException becomes a key error. */
  <T> T parsed(String key, T defaultValue, Function<String, T> parse) {
    String text = string(key, null);
    if (text == null) {
      return defaultValue;
    }
    try {
      return parse.apply(text);
    } catch (RuntimeException e) {
      throw error(key, e.getMessage());
    }
  }

  /** A secret named by an environment variable or a file: at most one of the two keys. */
  Optional<SecretSource> secret(String envKey, String fileKey) {
    if (has(envKey) && has(fileKey)) {
      throw error(fileKey, "give only one of " + envKey + " or " + fileKey);
    }
    if (has(envKey)) {
      return Optional.of(SecretSource.fromEnv(requiredString(envKey)));
    }
    if (has(fileKey)) {
      return Optional.of(SecretSource.fromFile(Path.of(requiredString(fileKey))));
    }
    return Optional.empty();
  }
}
