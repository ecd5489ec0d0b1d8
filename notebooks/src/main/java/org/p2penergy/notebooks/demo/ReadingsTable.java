package org.p2penergy.notebooks.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.p2penergy.collector.store.Reading;

/**
 * Collects readings in an in-memory DuckDB table and writes them in the collector's layout: {@code
 * readings/home=H/date=D/part-0.parquet} per UTC date, rows sorted by (device_id, ts), {@code ts}
 * and {@code received_at} as TIMESTAMP(MICROS, isAdjustedToUTC=true).
 */
public final class ReadingsTable implements AutoCloseable {

  private final DuckDBConnection connection;
  private final DuckDBAppender appender;

  public ReadingsTable() throws SQLException {
    connection = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = connection.createStatement()) {
      // TIMESTAMPTZ values are instants; UTC keeps the casts below free of any local zone.
      st.execute("SET TimeZone = 'UTC'");
      st.execute(
          "CREATE TABLE r (device_id VARCHAR, event VARCHAR, ts_us BIGINT, received_us BIGINT,"
              + " value DOUBLE)");
    }
    appender = connection.createAppender("main", "r");
  }

  public void add(Reading reading) {
    try {
      appender.beginRow();
      appender.append(reading.deviceId());
      appender.append(reading.event());
      appender.append(micros(reading.ts()));
      appender.append(micros(reading.receivedAt()));
      appender.append(reading.value());
      appender.endRow();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot buffer a reading: " + e.getMessage(), e);
    }
  }

  /**
   * Writes {@code part-0.parquet} per UTC date, and {@code part-1.parquet} holding the readings
   * inside {@code duplicated} a second time. Returns the number of duplicate rows written.
   */
  public long write(Path readingsDir, List<Episode> duplicated) throws Exception {
    appender.close();
    List<LocalDate> dates = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT DISTINCT CAST(make_timestamp(ts_us) AS DATE) AS d FROM r ORDER BY d")) {
      while (rs.next()) {
        dates.add(rs.getObject(1, LocalDate.class));
      }
    }
    for (LocalDate date : dates) {
      copy(readingsDir, date, "part-0.parquet", "TRUE");
    }
    long duplicates = 0;
    for (Episode window : duplicated) {
      String in = "ts_us >= " + micros(window.start()) + " AND ts_us < " + micros(window.end());
      LocalDate date = window.start().atOffset(java.time.ZoneOffset.UTC).toLocalDate();
      duplicates += copy(readingsDir, date, "part-1.parquet", in);
    }
    return duplicates;
  }

  private long copy(Path readingsDir, LocalDate date, String file, String where) throws Exception {
    Path dir = readingsDir.resolve("date=" + date);
    Files.createDirectories(dir);
    String sql =
        "COPY (SELECT device_id, event,"
            + " CAST(make_timestamp(ts_us) AS TIMESTAMPTZ) AS ts,"
            + " CAST(make_timestamp(received_us) AS TIMESTAMPTZ) AS received_at, value FROM r"
            + " WHERE CAST(make_timestamp(ts_us) AS DATE) = DATE '"
            + date
            + "' AND "
            + where
            + " ORDER BY device_id, ts_us, event) TO '"
            + dir.resolve(file).toString().replace("'", "''")
            + "' (FORMAT parquet, COMPRESSION zstd)";
    try (Statement st = connection.createStatement()) {
      return st.executeUpdate(sql);
    }
  }

  private static long micros(Instant t) {
    return ChronoUnit.MICROS.between(Instant.EPOCH, t);
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
