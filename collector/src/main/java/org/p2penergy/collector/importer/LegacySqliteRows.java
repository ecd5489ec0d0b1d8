package org.p2penergy.collector.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the original project's Flask/SQLite store, read-only, in (coreid, name, published_at, id)
 * order: copies of one event come out next to each other, so the bounded duplicate filter catches
 * every one of them however far apart their ids are.
 */
public final class LegacySqliteRows implements AutoCloseable {
  static final Set<String> REQUIRED = Set.of("id", "name", "coreid", "data", "published_at");

  private final Connection connection;
  private final Set<String> columns;

  private LegacySqliteRows(Connection connection, Set<String> columns) {
    this.connection = connection;
    this.columns = columns;
  }

  public static LegacySqliteRows open(Path database) {
    if (!Files.isRegularFile(database)) {
      throw new LegacyDatabaseException(database + ": no such database file");
    }
    Connection c;
    try {
      org.sqlite.SQLiteConfig config = new org.sqlite.SQLiteConfig();
      config.setReadOnly(true);
      c =
          DriverManager.getConnection(
              "jdbc:sqlite:" + database.toAbsolutePath(), config.toProperties());
    } catch (SQLException e) {
      throw new LegacyDatabaseException(
          database + ": cannot open as SQLite (" + firstLine(e) + ")");
    }
    try {
      Set<String> cols = new HashSet<>();
      try (ResultSet rs = c.createStatement().executeQuery("PRAGMA table_info(event)")) {
        while (rs.next()) {
          cols.add(rs.getString("name").toLowerCase(Locale.ROOT));
        }
      }
      if (cols.isEmpty()) {
        throw new LegacyDatabaseException(
            database + ": no table 'event' (is this the legacy database?)");
      }
      for (String need : REQUIRED) {
        if (!cols.contains(need)) {
          throw new LegacyDatabaseException(
              database + ": table 'event' has no column '" + need + "'");
        }
      }
      return new LegacySqliteRows(c, cols);
    } catch (SQLException e) {
      close(c);
      throw new LegacyDatabaseException(
          database + ": not a readable SQLite database (" + firstLine(e) + ")");
    } catch (RuntimeException e) {
      close(c);
      throw e;
    }
  }

  public long count() throws SQLException {
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT count(*) FROM event")) {
      return rs.next() ? rs.getLong(1) : 0;
    }
  }

  /** Calls {@code each} for every row in key order. */
  public void forEach(RowConsumer each) throws Exception {
    String sql =
        "SELECT id, name, coreid, data, published_at, "
            + optional("ttl")
            + ", "
            + optional("productid")
            + ", "
            + optional("public")
            + ", "
            + optional("userid")
            + ", "
            + optional("version")
            + " FROM event ORDER BY coreid, name, published_at, id";
    try (PreparedStatement st = connection.prepareStatement(sql)) {
      st.setFetchSize(1000);
      try (ResultSet rs = st.executeQuery()) {
        while (rs.next()) {
          each.accept(
              new LegacySqliteRow(
                  rs.getLong(1),
                  text(rs.getObject(2)),
                  text(rs.getObject(3)),
                  rs.getObject(4),
                  text(rs.getObject(5)),
                  rs.getObject(6),
                  rs.getObject(7),
                  rs.getObject(8),
                  rs.getObject(9),
                  rs.getObject(10)));
        }
      }
    }
  }

  /** Receives rows one at a time. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(LegacySqliteRow row) throws Exception;
  }

  private String optional(String column) {
    return columns.contains(column) ? column : "NULL";
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    return m.lines().findFirst().orElse(m);
  }

  private static void close(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // already failing; the first error is the one to report
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
