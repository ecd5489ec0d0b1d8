package org.p2penergy.notebooks.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.config.ApplianceState;
import org.p2penergy.home.config.ConfigLoader;

class EnergySqlTest {

  @TempDir Path data;

  static final String YAML =
      """
      home: {name: Test, timezone: UTC}
      tariff: {flat: 0.2}
      appliances:
        - {device_id: dev, name: Lamp, kind: generic, noise_floor_w: 5.5, max_gap_s: 60}
      """;

  HomeData home;

  @BeforeEach
  void writeReadings() throws Exception {
    Path config = data.resolve("p2penergy.yaml");
    Files.writeString(config, YAML);
    Path dir = Files.createDirectories(data.resolve("readings/date=2026-11-27"));
    // 00:00:00 105.5 W, 00:00:10 205.5 W (twice), 00:00:20 5.5 W, then 100 s of silence (a gap),
    // 00:02:00 3.0 W (below the floor), 00:02:30 the last reading.
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("SET TimeZone = 'UTC'");
      st.execute(
          """
          COPY (SELECT 'dev' AS device_id, 'power' AS event, CAST(ts AS TIMESTAMPTZ) AS ts,
                       CAST(ts AS TIMESTAMPTZ) AS received_at, value
                FROM (VALUES (TIMESTAMP '2026-11-27 00:00:00', 105.5),
                             (TIMESTAMP '2026-11-27 00:00:10', 205.5),
                             (TIMESTAMP '2026-11-27 00:00:10', 205.5),
                             (TIMESTAMP '2026-11-27 00:00:20', 5.5),
                             (TIMESTAMP '2026-11-27 00:02:00', 3.0),
                             (TIMESTAMP '2026-11-27 00:02:30', 50.0)) AS t(ts, value))
          TO '%s' (FORMAT parquet)
          """
              .formatted(dir.resolve("part-0.parquet")));
    }
    home = HomeData.open(data.toString(), config.toString());
  }

  @Test
  void leftRuleWithNoiseFloorGapsAndDuplicates() throws Exception {
    String day =
        home.intervals(
            Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"));
    // By hand: 100 W x 10 s + 200 W x 10 s + 0 W x 100 s (a gap: not charged)
    //          + 0 W x 30 s (3 W is below the floor) = 3000 J; charged seconds 10 + 10 + 30 = 50.
    assertThat(home.number("SELECT sum(w * seconds) FROM " + day)).isCloseTo(3000, within(1e-9));
    assertThat(home.number("SELECT sum(seconds) FROM " + day)).isEqualTo(50);
    assertThat(home.number("SELECT count(*) FROM " + day + " WHERE inside")).isEqualTo(5);
    assertThat(home.query("SELECT DISTINCT appliance FROM " + day))
        .containsExactly(List.of("Lamp"));
  }

  @Test
  void intervalsAreClippedToTheWindow() throws Exception {
    // From 00:00:05 to 00:00:15: 100 W x 5 s + 200 W x 5 s = 1500 J.
    String window =
        home.intervals(
            Instant.parse("2026-11-27T00:00:05Z"), Instant.parse("2026-11-27T00:00:15Z"));
    assertThat(home.number("SELECT sum(w * seconds) FROM " + window)).isCloseTo(1500, within(1e-9));
    assertThat(home.number("SELECT sum(seconds) FROM " + window)).isEqualTo(10);
  }

  @Test
  void nearestStateSplitsAtMidpoints() throws Exception {
    String state =
        EnergySql.nearestState(
            List.of(
                new ApplianceState("cooling", 160),
                new ApplianceState("idle", 20),
                new ApplianceState("door_open", 35)),
            "x");
    assertThat(
            home.query(
                "SELECT "
                    + state.replace("x", "27.4")
                    + ", "
                    + state.replace("x", "27.6")
                    + ", "
                    + state.replace("x", "97.4")
                    + ", "
                    + state.replace("x", "900")))
        .containsExactly(List.of("idle", "door_open", "door_open", "cooling"));
  }

  @Test
  void completeDaysOfTheReadings() throws Exception {
    // Readings only in the first minutes of 2026-11-27: no day is complete.
    var days = home.completeDays();
    assertThat(days[0]).isAfter(days[1]);
    assertThat(ConfigLoader.parse(YAML).home().name()).isEqualTo("Test");
  }
}
