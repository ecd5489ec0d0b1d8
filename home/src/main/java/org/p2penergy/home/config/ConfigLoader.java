package org.p2penergy.home.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code p2penergy.yaml} into a {@link HomeConfig}. Every problem is a {@link
 * ConfigException} whose one-line message names the key; unknown keys are errors.
 */
public final class ConfigLoader {

  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
              // YAML 1.1 reads off/on/yes/no as booleans: a state named "off" must stay "off".
              .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
              .build());

  private ConfigLoader() {}

  public static HomeConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ConfigException(file + ": no such config file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
    try {
      return parse(text);
    } catch (ConfigException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
  }

  /** A home with every default: used when no config file is given. */
  public static HomeConfig defaults() {
    return parse("{}");
  }

  public static HomeConfig parse(String yaml) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ": ";
      throw new ConfigException(
          where + "not valid YAML (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")");
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      root = YAML.createObjectNode();
    }
    if (!root.isObject()) {
      throw new ConfigException("expected a mapping of keys at the top of the file");
    }
    ConfigNode top = new ConfigNode(root, "");
    top.rejectUnknownKeys(
        Set.of(
            "home",
            "tariff",
            "power_events",
            "appliances",
            "particle",
            "collector",
            "mail",
            "reports",
            "anomalies"));
    List<String> powerEvents = top.stringList("power_events");
    return new HomeConfig(
        home(top.object("home")),
        TariffSection.parse(top.object("tariff")),
        powerEvents.isEmpty() ? HomeConfig.DEFAULT_POWER_EVENTS : powerEvents,
        ApplianceSection.parse(top),
        particle(top.object("particle")),
        collector(top.object("collector")),
        Optional.ofNullable(top.object("mail")).map(MailSection::parse),
        reports(top.object("reports")),
        anomalies(top.object("anomalies")));
  }

  private static Home home(ConfigNode node) {
    if (node == null) {
      return new Home(Home.DEFAULT_NAME, ZoneId.of("UTC"), Home.DEFAULT_CURRENCY);
    }
    node.rejectUnknownKeys(Set.of("name", "timezone", "currency"));
    ZoneId zone = node.parsed("timezone", ZoneId.of("UTC"), ConfigLoader::zone);
    String currency = node.string("currency", Home.DEFAULT_CURRENCY);
    return new Home(node.string("name", Home.DEFAULT_NAME), zone, currency);
  }

  private static ZoneId zone(String text) {
    try {
      return ZoneId.of(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "unknown time zone '" + text + "' (use a name like Europe/Berlin)");
    }
  }

  private static ParticleSettings particle(ConfigNode node) {
    if (node == null) {
      return ParticleSettings.defaults();
    }
    node.rejectUnknownKeys(
        Set.of("token", "token_env", "token_file", "stream_url", "event_prefix"));
    if (node.has("token")) {
      throw node.error(
          "token",
          "the token itself must not be in the file; name it with token_env or token_file");
    }
    SecretSource token =
        node.secret("token_env", "token_file")
            .orElse(SecretSource.fromEnv(ParticleSettings.DEFAULT_TOKEN_ENV));
    URI url = node.parsed("stream_url", ParticleSettings.DEFAULT_STREAM_URL, ConfigLoader::httpUri);
    return new ParticleSettings(url, token, Optional.ofNullable(node.string("event_prefix", null)));
  }

  private static URI httpUri(String text) {
    URI uri;
    try {
      uri = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + text + "' is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException("'" + text + "' is not an http or https URL");
    }
    return uri;
  }

  private static CollectorSettings collector(ConfigNode node) {
    if (node == null) {
      return CollectorSettings.defaults();
    }
    node.rejectUnknownKeys(Set.of("fsync_interval", "roll", "max_rows_per_file", "read_timeout"));
    return new CollectorSettings(
        node.parsed("fsync_interval", CollectorSettings.DEFAULT_FSYNC_INTERVAL, Durations::parse),
        node.parsed("roll", CollectorSettings.DEFAULT_ROLL, Durations::parse),
        node.integer(
            "max_rows_per_file", CollectorSettings.DEFAULT_MAX_ROWS_PER_FILE, 1, Integer.MAX_VALUE),
        node.parsed("read_timeout", CollectorSettings.DEFAULT_READ_TIMEOUT, Durations::parse));
  }

  private static ReportSettings reports(ConfigNode node) {
    if (node == null) {
      return ReportSettings.defaults();
    }
    node.rejectUnknownKeys(Set.of("weekly", "monthly"));
    return new ReportSettings(node.bool("weekly", false), node.bool("monthly", false));
  }

  private static AnomalySettings anomalies(ConfigNode node) {
    AnomalySettings d = AnomalySettings.defaults();
    if (node == null) {
      return d;
    }
    node.rejectUnknownKeys(
        Set.of("door_open_max", "gap_alert", "high_day_factor", "short_cycle_min", "long_run_max"));
    return new AnomalySettings(
        node.parsed("door_open_max", d.doorOpenMax(), Durations::parse),
        node.parsed("gap_alert", d.gapAlert(), Durations::parse),
        node.number("high_day_factor", d.highDayFactor(), 1, 1000),
        node.parsed("short_cycle_min", d.shortCycleMin(), Durations::parse),
        node.parsed("long_run_max", d.longRunMax(), Durations::parse));
  }
}
