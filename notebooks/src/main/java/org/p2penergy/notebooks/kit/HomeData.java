package org.p2penergy.notebooks.kit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.layout.DataLayout;

/**
 * One home's DATA directory and config, opened for a notebook: a DuckDB connection (in the home's
 * zone) over the readings Parquet, local day boundaries, and the energy subquery.
 */
public final class HomeData implements AutoCloseable {

  private final Path data;
  private final HomeConfig home;
  private final Connection db;

  private HomeData(Path data, HomeConfig home, Connection db) {
    this.data = data;
    this.home = home;
    this.db = db;
  }

  /** Opens DATA (which must hold readings/) with the home described by the config file. */
  public static HomeData open(String dataDir, String configFile) throws SQLException {
    Path data = Path.of(dataDir).toAbsolutePath().normalize();
    if (!Files.isDirectory(data.resolve("readings"))) {
      throw new IllegalArgumentException(
          "no readings/ under "
              + data
              + ": set P2PENERGY_DATA, or run notebooks/run-all once to generate the demo data");
    }
    HomeConfig home = ConfigLoader.load(Path.of(configFile));
    Connection db = DriverManager.getConnection("jdbc:duckdb:");
    try (Statement st = db.createStatement()) {
      st.execute("SET TimeZone = " + EnergySql.literal(home.home().timezone().getId()));
    }
    return new HomeData(data, home, db);
  }

  public Path dir() {
    return data;
  }

  public HomeConfig home() {
    return home;
  }

  public ZoneId zone() {
    return home.home().timezone();
  }

  /**
   * Every readings file of this home, as a DuckDB table expression with the partition column {@code
   * date}: {@code readings/home=H/date=D/}, or a data folder in the older {@code readings/date=D/}.
   */
  public String readings() {
    return "read_parquet("
        + EnergySql.literal(readingsDir() + "/date=*/*.parquet")
        + ", hive_partitioning = true)";
  }

  /** {@code readings/home=H}, or {@code readings} for a folder written before homes had ids. */
  public Path readingsDir() {
    return ownOrLegacy(layout().readings(), DataLayout.READINGS);
  }

  /** The collector's outage files of this home. */
  public Path outagesDir() {
    return ownOrLegacy(layout().outages(), DataLayout.legacyOutages());
  }

  /** The quarantine files of this home. */
  public Path quarantineDir() {
    return ownOrLegacy(layout().quarantine(), DataLayout.legacyQuarantine());
  }

  private DataLayout layout() {
    return DataLayout.of(home.home().id());
  }

  private Path ownOrLegacy(String own, String legacy) {
    Path dir = data.resolve(own);
    return Files.isDirectory(dir) ? dir : data.resolve(legacy);
  }

  /** See {@link EnergySql#intervals}. */
  public String intervals(Instant from, Instant to) {
    return EnergySql.intervals(readings(), home, from, to);
  }

  public List<List<Object>> query(String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Statement st = db.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(columns);
        for (int i = 1; i <= columns; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The single number a query returns (0 for SQL NULL). */
  public double number(String sql) throws SQLException {
    Object value = query(sql).get(0).get(0);
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  public Instant dayStart(LocalDate day) {
    return day.atStartOfDay(zone()).toInstant();
  }

  /** The end of a local day: 23 or 25 hours after its start on DST days. */
  public Instant dayEnd(LocalDate day) {
    return dayStart(day.plusDays(1));
  }

  /** The first and the last local day that the readings cover completely. */
  public LocalDate[] completeDays() throws SQLException {
    List<Object> r = query("SELECT epoch_ms(min(ts)), epoch_ms(max(ts)) FROM " + readings()).get(0);
    if (r.get(0) == null) {
      throw new IllegalStateException("no readings in " + data);
    }
    ZonedDateTime first = Instant.ofEpochMilli(((Number) r.get(0)).longValue()).atZone(zone());
    ZonedDateTime last = Instant.ofEpochMilli(((Number) r.get(1)).longValue()).atZone(zone());
    // Readings come every few seconds: a day counts when they start within its first minute.
    LocalDate firstDay =
        first.toLocalTime().isAfter(LocalTime.of(0, 1))
            ? first.toLocalDate().plusDays(1)
            : first.toLocalDate();
    LocalDate lastDay =
        last.toLocalTime().isBefore(LocalTime.of(23, 59))
            ? last.toLocalDate().minusDays(1)
            : last.toLocalDate();
    return new LocalDate[] {firstDay, lastDay};
  }

  public String money(double amount) {
    return String.format(Locale.ROOT, "%.2f %s", amount, home.home().currency());
  }

  /** Prints rows as an aligned text table. */
  public void print(List<String> header, List<? extends List<?>> rows) {
    System.out.print(TextTable.format(header, rows));
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
