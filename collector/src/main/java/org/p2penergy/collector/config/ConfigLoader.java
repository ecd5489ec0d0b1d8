package org.p2penergy.collector.config;

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
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
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
        tariff(top.object("tariff")),
        powerEvents.isEmpty() ? HomeConfig.DEFAULT_POWER_EVENTS : powerEvents,
        appliances(top),
        particle(top.object("particle")),
        collector(top.object("collector")),
        Optional.ofNullable(top.object("mail")).map(ConfigLoader::mail),
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

  private static Tariff tariff(ConfigNode node) {
    if (node == null) {
      return new FlatTariff(0);
    }
    node.rejectUnknownKeys(Set.of("flat", "time_of_use"));
    boolean flat = node.has("flat");
    boolean timeOfUse = node.has("time_of_use");
    if (flat == timeOfUse) {
      throw new ConfigException("tariff: give exactly one of flat or time_of_use");
    }
    if (flat) {
      return new FlatTariff(node.number("flat", 0, 0, 1000));
    }
    ConfigNode tou = node.object("time_of_use");
    tou.rejectUnknownKeys(Set.of("default", "windows"));
    if (!tou.has("default")) {
      throw tou.error("default", "missing (the rate outside every window)");
    }
    double defaultRate = tou.number("default", 0, 0, 1000);
    List<TariffWindow> windows = new ArrayList<>();
    for (ConfigNode window : tou.objectList("windows")) {
      window.rejectUnknownKeys(Set.of("days", "from", "to", "rate"));
      Set<DayOfWeek> days = days(window);
      LocalTime from = window.parsed("from", null, ConfigLoader::timeOfDay);
      LocalTime to = window.parsed("to", null, ConfigLoader::timeOfDay);
      if (from == null) throw window.error("from", "missing");
      if (to == null) throw window.error("to", "missing");
      if (from.equals(to)) throw window.error("to", "equals from: the window would be empty");
      if (!window.has("rate")) throw window.error("rate", "missing");
      windows.add(new TariffWindow(days, from, to, window.number("rate", 0, 0, 1000)));
    }
    return new TimeOfUseTariff(defaultRate, windows);
  }

  private static Set<DayOfWeek> days(ConfigNode window) {
    List<String> names = window.stringList("days");
    if (names.isEmpty()) {
      return Set.of(DayOfWeek.values());
    }
    Set<DayOfWeek> days = new HashSet<>();
    for (String name : names) {
      days.add(
          dayOfWeek(name)
              .orElseThrow(
                  () -> window.error("days", "unknown day '" + name + "', expected MON .. SUN")));
    }
    return days;
  }

  /** MON or MONDAY, any case. */
  private static Optional<DayOfWeek> dayOfWeek(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  private static LocalTime timeOfDay(String text) {
    if (text.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a time of day like 16:00");
    }
  }

  private static List<Appliance> appliances(ConfigNode top) {
    List<Appliance> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ConfigNode node : top.objectList("appliances")) {
      node.rejectUnknownKeys(
          Set.of("device_id", "name", "kind", "noise_floor_w", "max_gap_s", "states"));
      String deviceId = node.requiredString("device_id");
      if (!seen.add(deviceId)) {
        throw node.error("device_id", "'" + deviceId + "' is listed twice");
      }
      ApplianceKind kind =
          node.parsed(
              "kind",
              ApplianceKind.GENERIC,
              text -> {
                ApplianceKind k = ApplianceKind.fromConfigName(text);
                if (k == null) {
                  throw new IllegalArgumentException(
                      "unknown kind '"
                          + text
                          + "', expected one of "
                          + ApplianceKind.allConfigNames());
                }
                return k;
              });
      double noiseFloor = node.number("noise_floor_w", Appliance.DEFAULT_NOISE_FLOOR_W, 0, 10_000);
      double maxGapS = node.number("max_gap_s", Appliance.DEFAULT_MAX_GAP.toSeconds(), 1, 86_400);
      result.add(
          new Appliance(
              deviceId,
              node.string("name", deviceId),
              kind,
              noiseFloor,
              Duration.ofMillis(Math.round(maxGapS * 1000)),
              states(node, kind)));
    }
    return result;
  }

  private static List<ApplianceState> states(ConfigNode appliance, ApplianceKind kind) {
    List<ConfigNode> nodes = appliance.objectList("states");
    if (nodes.isEmpty()) {
      return kind.defaultStates();
    }
    List<ApplianceState> states = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : nodes) {
      node.rejectUnknownKeys(Set.of("name", "watts"));
      String name = node.requiredString("name");
      if (!names.add(name)) {
        throw node.error("name", "state '" + name + "' is listed twice");
      }
      if (!node.has("watts")) {
        throw node.error("watts", "missing");
      }
      states.add(new ApplianceState(name, node.number("watts", 0, 0, 100_000)));
    }
    return states;
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
        secret(node, "token_env", "token_file")
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

  private static Optional<SecretSource> secret(ConfigNode node, String envKey, String fileKey) {
    if (node.has(envKey) && node.has(fileKey)) {
      throw node.error(fileKey, "give only one of " + envKey + " or " + fileKey);
    }
    if (node.has(envKey)) {
      return Optional.of(SecretSource.fromEnv(node.requiredString(envKey)));
    }
    if (node.has(fileKey)) {
      return Optional.of(SecretSource.fromFile(Path.of(node.requiredString(fileKey))));
    }
    return Optional.empty();
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

  private static MailSettings mail(ConfigNode node) {
    node.rejectUnknownKeys(
        Set.of(
            "host",
            "port",
            "starttls",
            "smtps",
            "username",
            "password",
            "password_env",
            "password_file",
            "from",
            "to"));
    if (node.has("password")) {
      throw node.error(
          "password",
          "the password itself must not be in the file; use password_env or password_file");
    }
    boolean starttls = node.bool("starttls", false);
    boolean smtps = node.bool("smtps", false);
    if (starttls && smtps) {
      throw node.error("smtps", "give only one of starttls or smtps");
    }
    MailSettings.Security security =
        smtps
            ? MailSettings.Security.SMTPS
            : starttls ? MailSettings.Security.STARTTLS : MailSettings.Security.NONE;
    int defaultPort =
        switch (security) {
          case SMTPS -> 465;
          case STARTTLS -> 587;
          case NONE -> 25;
        };
    Optional<String> username = Optional.ofNullable(node.string("username", null));
    Optional<SecretSource> password = secret(node, "password_env", "password_file");
    if (username.isPresent() && password.isEmpty()) {
      throw node.error("password_env", "missing: a username needs password_env or password_file");
    }
    List<String> to = node.stringList("to");
    if (to.isEmpty()) {
      throw node.error("to", "missing: at least one recipient");
    }
    return new MailSettings(
        node.requiredString("host"),
        node.integer("port", defaultPort, 1, 65_535),
        security,
        username,
        password,
        node.requiredString("from"),
        to);
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
