package org.p2penergy.home.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a config file as exactly one YAML mapping: what home and community files have in common. A
 * file too large to be a config (it would not fit a Pi collector's 32 MB heap), an empty file and a
 * second document (silently ignored by plain YAML readers) are all refused.
 */
final class YamlDocument {
  /** A home config is a few KB; a community file lists paths. 1 MiB is far beyond either. */
  static final long MAX_BYTES = 1 << 20;

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              // YAML 1.1 reads off/on/yes/no as booleans: a state named "off" must stay "off".
              .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
              .build());

  private YamlDocument() {}

  /** The file's text, refused before reading when it is too large. */
  static String read(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new ConfigException(file + ": is a directory, not a config file");
      }
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw new ConfigException(
            file
                + ": "
                + size / 1024
                + " KiB is far too large for a config file (at most "
                + MAX_BYTES / 1024
                + " KiB)");
      }
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such config file");
    } catch (java.nio.charset.MalformedInputException e) {
      throw new ConfigException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * The one mapping in {@code yaml}; {@code allowEmpty} lets an empty text stand for "every
   * default" (used only for the built-in defaults, never for a file).
   */
  static ConfigNode parse(String yaml, boolean allowEmpty) {
    JsonNode root;
    try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      root = documents.hasNextValue() ? documents.nextValue() : null;
      if (documents.hasNextValue()) {
        JsonLocation at = documents.getParser().currentLocation();
        throw new ConfigException(
            "line "
                + at.getLineNr()
                + ": a second YAML document ('---'); a config file holds exactly one");
      }
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ": ";
      throw new ConfigException(
          where + "not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    } catch (IOException e) {
      throw new ConfigException("not valid YAML (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      if (!allowEmpty) {
        throw new ConfigException("the file is empty: nothing is configured");
      }
      root = YAML.createObjectNode();
    }
    if (!root.isObject()) {
      throw new ConfigException("expected a mapping of keys at the top of the file");
    }
    return new ConfigNode(root, "");
  }
}
