package org.p2penergy.home.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  @Nested
  class TheExampleConfig {
    private final HomeConfig config =
        ConfigLoader.load(Path.of("..", "deploy", "p2penergy.example.yaml"));

    @Test
    void readsTheHome() {
      assertThat(config.home().name()).isEqualTo("Demo home");
      assertThat(config.home().timezone()).isEqualTo(ZoneId.of("America/New_York"));
      assertThat(config.home().currency()).isEqualTo("USD");
      assertThat(config.tariff()).isEqualTo(new FlatTariff(0.15));
      assertThat(config.powerEvents()).containsExactly("power", "Apparent Power");
    }

    @Test
    void readsAppliancesWithKindDefaults() {
      Appliance fridge = config.applianceFor("34003d000547363332363639");
      assertThat(fridge.name()).isEqualTo("Fridge");
      assertThat(fridge.kind()).isEqualTo(ApplianceKind.FRIDGE);
      assertThat(fridge.noiseFloorW()).isEqualTo(5.5);
      assertThat(fridge.maxGap()).isEqualTo(Duration.ofSeconds(60));
      assertThat(fridge.states())
          .extracting(ApplianceState::name, ApplianceState::watts)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("idle", 20.0),
              org.assertj.core.groups.Tuple.tuple("door_open", 35.0),
              org.assertj.core.groups.Tuple.tuple("cooling", 160.0),
              org.assertj.core.groups.Tuple.tuple("start_surge", 840.0));
      Appliance pi = config.applianceFor("1e0032000a47363433353735");
      assertThat(pi.states())
          .containsExactly(new ApplianceState("off", 0), new ApplianceState("on", 1));
    }

    @Test
    void namesSecretsOnlyByWhereTheyLive() {
      assertThat(config.particle().token())
          .isEqualTo(SecretSource.fromEnv("PARTICLE_ACCESS_TOKEN"));
      MailSettings mail = config.mail().orElseThrow();
      assertThat(mail.security()).isEqualTo(MailSettings.Security.STARTTLS);
      assertThat(mail.port()).isEqualTo(587);
      assertThat(mail.password()).contains(SecretSource.fromEnv("P2PENERGY_SMTP_PASSWORD"));
      assertThat(mail.to()).containsExactly("home@example.org");
    }

    @Test
    void anUnlistedDeviceIsAnalysedAsGeneric() {
      Appliance unknown = config.applianceFor("ffff");
      assertThat(unknown.name()).isEqualTo("ffff");
      assertThat(unknown.kind()).isEqualTo(ApplianceKind.GENERIC);
      assertThat(unknown.noiseFloorW()).isEqualTo(Appliance.DEFAULT_NOISE_FLOOR_W);
    }
  }

  @Test
  void noConfigGivesEveryDefault() {
    HomeConfig config = ConfigLoader.defaults();
    assertThat(config.home().timezone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(config.powerEvents()).containsExactly("power", "Apparent Power");
    assertThat(config.appliances()).isEmpty();
    assertThat(config.mail()).isEmpty();
    assertThat(config.particle().streamUrl().toString())
        .isEqualTo("https://api.particle.io/v1/devices/events");
    assertThat(config.collector()).isEqualTo(CollectorSettings.defaults());
  }

  @Test
  void collectorDurationsAreWrittenLikePeopleWriteThem() {
    HomeConfig config =
        ConfigLoader.parse("collector: {fsync_interval: 500ms, roll: 2h, read_timeout: 30s}");
    assertThat(config.collector().fsyncInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.collector().roll()).isEqualTo(Duration.ofHours(2));
    assertThat(config.collector().readTimeout()).isEqualTo(Duration.ofSeconds(30));
  }

  @Nested
  class ErrorsNameTheKey {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "appliances: [{device_id: a}, {device_id: b}, {device_id: c, kind: toaster}]"
              + "|appliances[2].kind: unknown kind 'toaster', expected one of fridge, microwave,"
              + " kettle, washing_machine, computer, generic",
          "colour: blue|colour: unknown key, expected one of",
          "home: {name: x, tz: UTC}|home.tz: unknown key",
          "home: {timezone: Mars/Olympus}|home.timezone: unknown time zone 'Mars/Olympus'",
          "appliances: [{name: Fridge}]|appliances[0].device_id: missing",
          "appliances: [{device_id: a}, {device_id: a}]|appliances[1].device_id: 'a' is listed twice",
          "appliances: [{device_id: a, noise_floor_w: lots}]|appliances[0].noise_floor_w: expected a number",
          "appliances: [{device_id: a, max_gap_s: 0}]|appliances[0].max_gap_s: 0.0 is out of range",
          "tariff: {flat: 0.1, time_of_use: {default: 0.1}}|tariff: give exactly one of flat or time_of_use",
          "tariff: {time_of_use: {windows: []}}|tariff.time_of_use.default: missing",
          "tariff: {time_of_use: {default: 0.1, windows: [{days: [FUNDAY], from: '16:00', to: '21:00', rate: 1}]}}"
              + "|tariff.time_of_use.windows[0].days: unknown day 'FUNDAY'",
          "tariff: {time_of_use: {default: 0.1, windows: [{from: '4pm', to: '21:00', rate: 1}]}}"
              + "|tariff.time_of_use.windows[0].from: '4pm' is not a time of day",
          "particle: {token: abc123}|particle.token: the token itself must not be in the file",
          "particle: {token_env: A, token_file: /b}|particle.token_file: give only one of",
          "particle: {stream_url: 'ftp://x'}|particle.stream_url: 'ftp://x' is not an http or https URL",
          "collector: {roll: soon}|collector.roll: 'soon' is not a duration",
          "mail: {host: h, from: f@example.org, to: [t@example.org], password: hunter2}|mail.password: the password itself must not be in the file",
          "mail: {host: h, from: f@example.org}|mail.to: missing",
          "mail: {host: h, from: f@example.org, to: [t@example.org], username: u}|mail.password_env: missing",
          "mail: {host: h, from: f@example.org, to: [t@example.org], port: 70000}|mail.port: 70000 is out of range",
          "power_events: power|power_events: expected a list",
          // Hardening: refused at load, naming the key (each was accepted before).
          "tariff: {time_of_use: {default: 0.1, windows: [{days: [MON], from: '16:00', to: '21:00', rate: 0.3},"
              + " {days: [MON, TUE], from: '20:00', to: '22:00', rate: 0.4}]}}"
              + "|tariff.time_of_use.windows[1]: overlaps windows[0] on MON 20:00",
          "tariff: {time_of_use: {default: 0.1, windows: [{from: '22:00', to: '06:00', rate: 0.1},"
              + " {days: [SUN], from: '05:00', to: '07:00', rate: 0.4}]}}"
              + "|tariff.time_of_use.windows[1]: overlaps windows[0] on SUN 05:00",
          "home: {currency: DOLLARS}|home.currency: 'DOLLARS' is not an ISO 4217 currency code",
          "home: {currency: XYZ}|home.currency: 'XYZ' is not an ISO 4217 currency code",
          "mail: {host: h, from: f@example.org, to: ['not an address']}|mail.to[0]: 'not an address' is not an email address",
          "mail: {host: h, from: reports, to: [t@example.org]}|mail.from: 'reports' is not an email address",
          "home: {id: Elm_12}|home.id: 'Elm_12' is not a home id",
          "particle: {stream_url: 'https://api.particle.io/v1/devices/events?access_token=LEAKME'}"
              + "|particle.stream_url: the URL carries a token or user info",
          "particle: {stream_url: 'ht!tp://bad url?access_token=LEAKME'}|particle.stream_url: 'ht!tp://bad url?access_token=***' is not a URL",
          "storage: {url: 's3://p2p-energy/c'}|storage.access_key_env: missing",
          "storage: {url: 's3://p2p-energy/c', access_key: AKIA, secret_key_env: S}|storage.access_key: the key itself must not be in the file",
          "storage: {url: 'ftp://x/y'}|storage.url: 'ftp://x/y' is neither s3://bucket/prefix nor a local path",
          "storage: {url: 's3://B/c', access_key_env: A, secret_key_env: S}|storage.url: 's3://B/c' does not name a valid S3 bucket",
          "storage: {url: 's3://bk1/c', access_key_env: A, secret_key_env: S, endpoint: 'http://u:pw@127.0.0.1:9000'}"
              + "|storage.endpoint: 'http://***@127.0.0.1:9000' must be a plain http(s) URL",
        })
    void inOneLine(String yaml, String expectedStart) {
      assertThatThrownBy(() -> ConfigLoader.parse(yaml))
          .isInstanceOf(ConfigException.class)
          .hasMessageStartingWith(expectedStart)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aTokenInTheStreamUrlNeverAppears() {
      assertThatThrownBy(
              () ->
                  ConfigLoader.parse(
                      "particle: {stream_url: 'ht!tp://bad url?access_token=LEAKME'}"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("LEAKME"));
    }

    @Test
    void aSecondDocumentIsRefused() {
      // Plain YAML readers ignore everything after the first '---' without a word.
      assertThatThrownBy(() -> ConfigLoader.parse("home: {name: a}\n---\nhome: {name: b}\n"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("a second YAML document");
    }

    @Test
    void anEmptyFileIsRefused(@TempDir Path dir) throws Exception {
      Path file = Files.writeString(dir.resolve("home.yaml"), "# nothing yet\n\n");
      assertThatThrownBy(() -> ConfigLoader.load(file))
          .isInstanceOf(ConfigException.class)
          .hasMessage(file + ": the file is empty: nothing is configured");
    }

    @Test
    void aHugeFileIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
      // 3.5 MB once made a 32 MB collector die of OutOfMemoryError with a stack trace.
      Path file = dir.resolve("home.yaml");
      Files.writeString(file, "home: {name: x}\n" + "# padding\n".repeat(350_000));
      assertThatThrownBy(() -> ConfigLoader.load(file))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("far too large for a config file");
    }

    @Test
    void aDirectoryIsNotAConfigFile(@TempDir Path dir) {
      assertThatThrownBy(() -> ConfigLoader.load(dir))
          .hasMessage(dir + ": is a directory, not a config file");
    }

    @Test
    void secretValuesNeverAppearInErrors() {
      assertThatThrownBy(() -> ConfigLoader.parse("particle: {token: abc123}"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abc123"));
      assertThatThrownBy(
              () ->
                  ConfigLoader.parse(
                      "mail: {host: h, from: f@example.org, to: [t@example.org], password: hunter2}"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
    }

    @Test
    void badYamlSaysWhere() {
      assertThatThrownBy(() -> ConfigLoader.parse("home:\n  name: [unclosed\n"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("line ")
          .hasMessageContaining("not valid YAML")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aDuplicateKeyIsAnError() {
      assertThatThrownBy(() -> ConfigLoader.parse("home: {name: a}\nhome: {name: b}\n"))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("home");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
      Path missing = dir.resolve("nope.yaml");
      assertThatThrownBy(() -> ConfigLoader.load(missing))
          .isInstanceOf(ConfigException.class)
          .hasMessage(missing + ": no such config file");
    }

    @Test
    void errorsFromAFileNameTheFile(@TempDir Path dir) throws Exception {
      Path file = Files.writeString(dir.resolve("home.yaml"), "tariff: {flat: -1}\n");
      assertThatThrownBy(() -> ConfigLoader.load(file))
          .hasMessage(file + ": tariff.flat: -1.0 is out of range [0.0, 1000.0]");
    }
  }

  @Nested
  class TimeOfUse {
    // Weekday peak 16:00-21:00 at 0.32, a night window 23:00-06:00 every day at 0.08, else 0.12.
    private final Tariff tariff =
        ConfigLoader.parse(
                """
                tariff:
                  time_of_use:
                    default: 0.12
                    windows:
                      - {days: [MON, TUE, WED, THU, FRI], from: "16:00", to: "21:00", rate: 0.32}
                      - {from: "23:00", to: "06:00", rate: 0.08}
                """)
            .tariff();

    @ParameterizedTest
    @CsvSource({
      // 2026-11-27 is a Friday, 2026-11-28 a Saturday.
      "2026-11-27T15:59:59, 0.12",
      "2026-11-27T16:00:00, 0.32",
      "2026-11-27T20:59:59, 0.32",
      "2026-11-27T21:00:00, 0.12",
      "2026-11-28T17:00:00, 0.12",
      "2026-11-28T23:30:00, 0.08",
      "2026-11-29T05:59:59, 0.08",
      "2026-11-29T06:00:00, 0.12",
    })
    void rateAtLocalTime(String local, double expected) {
      assertThat(tariff.rateAt(LocalDateTime.parse(local))).isEqualTo(expected);
    }

    @Test
    void nextChangeIsTheNearestWindowEdge() {
      assertThat(tariff.nextChangeAfter(LocalDateTime.parse("2026-11-27T12:00")))
          .isEqualTo(LocalDateTime.parse("2026-11-27T16:00"));
      assertThat(tariff.nextChangeAfter(LocalDateTime.parse("2026-11-27T16:00")))
          .isEqualTo(LocalDateTime.parse("2026-11-27T21:00"));
      assertThat(tariff.nextChangeAfter(LocalDateTime.parse("2026-11-27T23:30")))
          .isEqualTo(LocalDateTime.parse("2026-11-28T06:00"));
    }

    @Test
    void aWindowToMidnightCoversTheLastHour() {
      Tariff evening =
          ConfigLoader.parse(
                  "tariff: {time_of_use: {default: 0.1, windows: [{from: '20:00', to: '24:00', rate: 0.5}]}}")
              .tariff();
      assertThat(evening.rateAt(LocalDateTime.parse("2026-11-27T23:59:59"))).isEqualTo(0.5);
      assertThat(evening.rateAt(LocalDateTime.parse("2026-11-28T00:00:00"))).isEqualTo(0.1);
    }
  }
}
