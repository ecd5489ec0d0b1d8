package org.p2penergy.collector.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingsFileReader;
import org.p2penergy.collector.stream.EventParser;

class LegacySqliteImportTest {
  private static final String A = "34003d000547363332363639";
  private static final String B = "2a0031000447363339343638";
  private static final String T1 = "2017-09-24 21:45:43.182000";
  private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
  @TempDir Path dir;

  /** The original project's schema (Flask-SQLAlchemy), filled with rows counted by hand below. */
  private Path database() throws Exception {
    return database("legacy.db", ROWS);
  }

  private Path database(String name, Object[][] rows) throws Exception {
    Path db = dir.resolve(name);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      c.createStatement()
          .execute(
              "CREATE TABLE event (id INTEGER PRIMARY KEY, name VARCHAR(64), coreid VARCHAR(64),"
                  + " data VARCHAR(255), productID INTEGER, public BOOLEAN, published_at"
                  + " VARCHAR(64), ttl INTEGER, userid VARCHAR(64), version INTEGER)");
      insert(c, rows);
    }
    return db;
  }

  private static final Object[][] ROWS = {
    // readings: rows 1-4, 19, 20, 22 and two from row 21 = 9
    {1, "Apparent Power", A, "160.2", T1},
    {2, "RMS Current", A, "1.33", T1},
    {3, "RMS Voltage", A, "120.1", T1},
    {4, "power", A, "35", "2017-09-24 21:45:47.000000"},
    // exact copies (the old store's two subscriptions)
    {5, "Apparent Power", A, "160.2", T1},
    {6, "power", A, "35", "2017-09-24 21:45:47.000000"},
    // cloud events
    {7, "spark/status", A, "online", T1},
    {8, "particle/device/updates/pending", A, "false", T1},
    {9, "hook-response/log", B, "ok", T1},
    // published without data
    {10, "power", B, "null", T1},
    // junk: quarantined with these reasons
    {11, "power", B, "NaN", "2017-09-24 21:45:44.000000"},
    {12, "power", B, "abc", "2017-09-24 21:45:45.000000"},
    {13, "", B, "1", T1},
    {14, "pow\u0007er", B, "1", T1},
    {15, "power", null, "5", T1},
    {16, "power", B, "5", "yesterday"},
    {17, "power", B, "5", null},
    {18, "power", B, "2000000", "2017-09-24 21:45:46.000000"},
    // typed data (SQLite stores what it was given) and the other payload shapes
    {19, "power", B, 840, "2017-09-24 21:45:48.500000"},
    {20, "power", B, 12.5, "2017-09-24 21:45:49.000000"},
    {21, "power", B, "{\"a\":1.5,\"b\":2,\"s\":\"x\"}", "2017-09-24 21:45:51.250000"},
    {22, "Apparent Power", B, "7.25", "2017-09-24 21:45:50"},
    // same key as row 19 with other data: the first (lowest id) wins
    {23, "power", B, "841", "2017-09-24 21:45:48.500000"},
  };

  private static void insert(Connection c, Object[][] rows) throws Exception {
    try (PreparedStatement st =
        c.prepareStatement(
            "INSERT INTO event (id, name, coreid, data, productID, public, published_at, ttl,"
                + " userid, version) VALUES (?, ?, ?, ?, 1234, 1, ?, 60, 'u', 7)")) {
      for (Object[] r : rows) {
        for (int i = 0; i < r.length; i++) {
          st.setObject(i + 1, r[i]);
        }
        st.executeUpdate();
      }
    }
  }

  private LegacySqliteImport.Summary run(Path db) throws Exception {
    return new LegacySqliteImport(
            Clock.fixed(NOW, ZoneOffset.UTC),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            1000)
        .run(dir.resolve("data"), "home", db);
  }

  @Test
  void importsReadingsOnceAndAccountsForEveryOtherRow() throws Exception {
    LegacySqliteImport.Summary s = run(database());

    assertThat(s.rows()).isEqualTo(23);
    assertThat(s.readingsWritten()).isEqualTo(9);
    assertThat(s.duplicates()).isEqualTo(3);
    assertThat(s.cloudEvents()).isEqualTo(3);
    assertThat(s.noData()).isEqualTo(1);
    assertThat(s.quarantined()).isEqualTo(8);
    assertThat(s.reasons())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                EventParser.NON_FINITE_VALUE, 1L,
                EventParser.NOT_A_NUMBER, 1L,
                EventParser.BAD_EVENT_NAME, 2L,
                EventParser.MISSING_COREID, 1L,
                EventParser.BAD_PUBLISHED_AT, 1L,
                EventParser.MISSING_PUBLISHED_AT, 1L,
                EventParser.OUT_OF_RANGE, 1L));

    List<Reading> rows = new ArrayList<>();
    for (Path f : ReadingsFileReader.partFiles(dir.resolve("data/readings"))) {
      assertThat(f.getParent().getFileName().toString()).isEqualTo("date=2017-09-24");
      rows.addAll(ReadingsFileReader.readAll(f));
    }
    assertThat(rows)
        .extracting(Reading::deviceId, Reading::event, Reading::ts, Reading::value)
        .containsExactlyInAnyOrder(
            tuple(A, "Apparent Power", Instant.parse("2017-09-24T21:45:43.182Z"), 160.2),
            tuple(A, "RMS Current", Instant.parse("2017-09-24T21:45:43.182Z"), 1.33),
            tuple(A, "RMS Voltage", Instant.parse("2017-09-24T21:45:43.182Z"), 120.1),
            tuple(A, "power", Instant.parse("2017-09-24T21:45:47Z"), 35.0),
            tuple(B, "power", Instant.parse("2017-09-24T21:45:48.500Z"), 840.0),
            tuple(B, "power", Instant.parse("2017-09-24T21:45:49Z"), 12.5),
            tuple(B, "power.a", Instant.parse("2017-09-24T21:45:51.250Z"), 1.5),
            tuple(B, "power.b", Instant.parse("2017-09-24T21:45:51.250Z"), 2.0),
            tuple(B, "Apparent Power", Instant.parse("2017-09-24T21:45:50Z"), 7.25));
  }

  @Test
  void quarantineLinesNameTheRowAndKeepTheRawColumns() throws Exception {
    run(database());
    List<JsonNode> lines = new ArrayList<>();
    ObjectMapper json = new ObjectMapper();
    try (var files = Files.list(dir.resolve("data/quarantine/home=home"))) {
      for (Path f : files.toList()) {
        for (String l : Files.readAllLines(f)) {
          lines.add(json.readTree(l));
        }
      }
    }
    Map<String, String> reasonById = new HashMap<>();
    for (JsonNode l : lines) {
      String source = l.get("source").asText();
      reasonById.put(source.substring(source.indexOf(":id=") + 4), l.get("reason").asText());
      assertThat(json.readTree(l.get("raw").asText()).has("published_at")).isTrue();
    }
    assertThat(reasonById)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "11", EventParser.NON_FINITE_VALUE,
                "12", EventParser.NOT_A_NUMBER,
                "13", EventParser.BAD_EVENT_NAME,
                "14", EventParser.BAD_EVENT_NAME,
                "15", EventParser.MISSING_COREID,
                "16", EventParser.BAD_PUBLISHED_AT,
                "17", EventParser.MISSING_PUBLISHED_AT,
                "18", EventParser.OUT_OF_RANGE));
  }

  @Test
  void theIssuesImpossibleValuesAreQuarantinedAndTheEdgeOfTheRangeIsKept() throws Exception {
    Path db =
        database(
            "range.db",
            new Object[][] {
              {1, "power", A, "1e12", "2017-09-24 21:45:41.000000"},
              {2, "power", A, "-1e7", "2017-09-24 21:45:42.000000"},
              {3, "power", A, 1000001, "2017-09-24 21:45:43.000000"},
              {4, "power", A, "1e6", "2017-09-24 21:45:44.000000"},
              {5, "power", A, -1000000.0, "2017-09-24 21:45:45.000000"},
            });
    LegacySqliteImport.Summary s = run(db);
    assertThat(s.readingsWritten()).isEqualTo(2);
    assertThat(s.reasons()).containsExactly(Map.entry("value out of physical range", 3L));
    List<Double> values = new ArrayList<>();
    for (Path f : ReadingsFileReader.partFiles(dir.resolve("data/readings"))) {
      ReadingsFileReader.readAll(f).forEach(r -> values.add(r.value()));
    }
    assertThat(values).containsExactlyInAnyOrder(1e6, -1e6);
  }

  @Test
  void notADatabaseOrWrongTableIsAOneLineUserError() throws Exception {
    Path text = Files.writeString(dir.resolve("notes.db"), "just text, not SQLite");
    assertThatThrownBy(() -> run(text))
        .isInstanceOf(LegacyDatabaseException.class)
        .hasMessageContaining("notes.db");
    Path other = dir.resolve("other.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + other)) {
      c.createStatement().execute("CREATE TABLE readings (x INTEGER)");
    }
    assertThatThrownBy(() -> run(other))
        .isInstanceOf(LegacyDatabaseException.class)
        .hasMessageContaining("no table 'event'");
    assertThatThrownBy(() -> run(dir.resolve("missing.db")))
        .isInstanceOf(LegacyDatabaseException.class)
        .hasMessageContaining("no such database file");
  }
}
