package org.p2penergy.home.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.p2penergy.home.text.Redact;

/**
 * Reads {@code p2penergy.yaml} into a {@link HomeConfig}. Every problem is a {@link
 * ConfigException} whose one-line message names the key; unknown keys are errors. Everything is
 * checked here, at load, before any command does any work.
 */
public final class ConfigLoader {
  private ConfigLoader() {}

  public static HomeConfig load(Path file) {
    String text = YamlDocument.read(file);
    try {
      Path base = file.toAbsolutePath().getParent();
      return parse(YamlDocument.parse(text, false), base);
    } catch (ConfigException e) {
      throw new ConfigException(file + ": " + e.getMessage());
    }
  }

  /** A home with every default: used when no config file is given. */
  public static HomeConfig defaults() {
    return parse(YamlDocument.parse("", true), null);
  }

  /**
   * Parses a config's text (the analytics executors get the text, not the file). A relative local
   * {@code storage.url} stays relative.
   */
  public static HomeConfig parse(String yaml) {
    return parse(YamlDocument.parse(yaml, false), null);
  }

  private static HomeConfig parse(ConfigNode top, Path base) {
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
            "anomalies",
            "storage"));
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
        anomalies(top.object("anomalies")),
        Optional.ofNullable(top.object("storage")).map(n -> StorageSection.parse(n, base)));
  }

  private static Home home(ConfigNode node) {
    if (node == null) {
      return new Home(Home.DEFAULT_ID, Home.DEFAULT_NAME, ZoneId.of("UTC"), Home.DEFAULT_CURRENCY);
    }
    node.rejectUnknownKeys(Set.of("id", "name", "timezone", "currency"));
    String id = node.string("id", Home.DEFAULT_ID);
    if (!Home.isValidId(id)) {
      throw node.error(
          "id",
          "'"
              + id
              + "' is not a home id: lower-case letters, digits and dashes, starting with a letter"
              + " or digit, at most 63 characters");
    }
    ZoneId zone = node.parsed("timezone", ZoneId.of("UTC"), ConfigLoader::zone);
    String currency = node.parsed("currency", Home.DEFAULT_CURRENCY, ConfigLoader::currency);
    return new Home(id, node.string("name", Home.DEFAULT_NAME), zone, currency);
  }

  private static String currency(String text) {
    try {
      if (text.matches("[A-Z]{3}")) {
        return java.util.Currency.getInstance(text).getCurrencyCode();
      }
    } catch (IllegalArgumentException unknown) {
      // reported below
    }
    throw new IllegalArgumentException(
        "'" + text + "' is not an ISO 4217 currency code (USD, EUR, GBP, ...)");
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
    URI url =
        node.parsed("stream_url", ParticleSettings.DEFAULT_STREAM_URL, ConfigLoader::streamUri);
    return new ParticleSettings(url, token, Optional.ofNullable(node.string("event_prefix", null)));
  }

  /** An http(s) URL; the message quotes the text only after redaction. */
  static URI httpUri(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("'" + Redact.text(text) + "' is not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException("'" + Redact.text(text) + "' is not an http or https URL");
    }
    return uri;
  }

  /** The stream URL: an http(s) URL that carries no token (the token is only ever a header). */
  public static URI streamUri(String text) {
    URI uri = httpUri(text);
    if (uri.getRawQuery() != null && uri.getRawQuery().contains("access_token")
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "the URL carries a token or user info; give the token with token_env or token_file"
              + " instead, so it never appears in a URL or a log");
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
