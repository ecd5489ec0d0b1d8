package org.p2penergy.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.p2penergy.analytics.energy.DayGrid;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.analytics.energy.StateTotal;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.layout.DataLayout;

/**
 * The four output tables under DATA/analytics, partitioned by home and local date ({@code
 * analytics/<table>/home=H/date=D/}). A run first deletes the partitions of its dates, so a re-run
 * replaces them and never appends duplicates. Readers use the schemas here, never inference: an
 * empty table is still a table, and a home id of digits stays text.
 */
public final class OutputTables {
  public static final String DAILY = DataLayout.DAILY;
  public static final String HOURLY = DataLayout.HOURLY;
  public static final String STATES = DataLayout.STATES;
  public static final String ANOMALIES = DataLayout.ANOMALIES;
  public static final List<String> ALL = List.of(DAILY, HOURLY, STATES, ANOMALIES);

  static final StructType DAILY_SCHEMA =
      new StructType()
          .add("home", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("kind", DataTypes.StringType)
          .add("kwh", DataTypes.DoubleType)
          .add("cost", DataTypes.DoubleType)
          .add("peak_w", DataTypes.DoubleType)
          .add("mean_w", DataTypes.DoubleType)
          .add("standby_w", DataTypes.DoubleType)
          .add("standby_kwh", DataTypes.DoubleType)
          .add("standby_cost", DataTypes.DoubleType)
          .add("on_seconds", DataTypes.DoubleType)
          .add("readings", DataTypes.LongType)
          .add("coverage", DataTypes.DoubleType)
          .add("gaps", DataTypes.IntegerType)
          .add("cycles", DataTypes.IntegerType)
          .add("duplicates", DataTypes.LongType);
  static final StructType HOURLY_SCHEMA =
      new StructType()
          .add("home", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("hour", DataTypes.IntegerType)
          .add("start", DataTypes.TimestampType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("kwh", DataTypes.DoubleType)
          .add("cost", DataTypes.DoubleType);
  static final StructType STATES_SCHEMA =
      new StructType()
          .add("home", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("state", DataTypes.StringType)
          .add("seconds", DataTypes.DoubleType)
          .add("kwh", DataTypes.DoubleType)
          .add("entries", DataTypes.IntegerType);
  static final StructType ANOMALIES_SCHEMA =
      new StructType()
          .add("home", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("start", DataTypes.TimestampType)
          .add("end", DataTypes.TimestampType)
          .add("kind", DataTypes.StringType)
          .add("detail", DataTypes.StringType);

  private final SparkSession spark;
  private final String dataDir;
  private final DataLayout layout;
  private final Configuration conf;

  public OutputTables(SparkSession spark, String dataDir, String home, Configuration conf) {
    this.spark = spark;
    this.dataDir = dataDir;
    this.layout = DataLayout.of(home);
    this.conf = conf;
  }

  /** {@code DATA/analytics/<table>}: every home's partitions. */
  public static String path(String dataDir, String table) {
    return new Path(dataDir, DataLayout.tableRoot(table)).toString();
  }

  public String path(String table) {
    return path(dataDir, table);
  }

  /** The schema a table is read with (partition columns home and date included). */
  public static StructType schema(String table) {
    return switch (table) {
      case DAILY -> DAILY_SCHEMA;
      case HOURLY -> HOURLY_SCHEMA;
      case STATES -> STATES_SCHEMA;
      case ANOMALIES -> ANOMALIES_SCHEMA;
      default -> throw new IllegalArgumentException("no table " + table);
    };
  }

  /** Deletes every table's partitions of this home for [from, to]. */
  public void clear(LocalDate from, LocalDate to) throws IOException {
    for (String table : ALL) {
      FileSystem fs = new Path(dataDir).getFileSystem(conf);
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        fs.delete(new Path(dataDir, layout.table(table, d)), true);
      }
    }
  }

  /**
   * Moves partitions written before homes had ids ({@code analytics/<table>/date=D}) under this
   * home, so every table has one layout (Spark refuses a folder with two); returns how many.
   */
  public int adoptLegacyPartitions() throws IOException {
    int moved = 0;
    for (String table : ALL) {
      Path dir = new Path(path(table));
      FileSystem fs = dir.getFileSystem(conf);
      if (!fs.exists(dir)) continue;
      for (FileStatus status : fs.listStatus(dir)) {
        String name = status.getPath().getName();
        if (!status.isDirectory() || !name.startsWith("date=")) continue;
        Path target = new Path(new Path(dataDir, layout.table(table)), name);
        fs.mkdirs(target.getParent());
        if (fs.exists(target)) {
          fs.delete(status.getPath(), true); // the new layout's partition is the newer one
        } else if (!fs.rename(status.getPath(), target)) {
          throw new IOException("cannot move " + status.getPath() + " to " + target);
        }
        moved++;
      }
    }
    return moved;
  }

  public void writeDaily(List<DeviceDayResult> results) {
    List<Row> rows = new ArrayList<>();
    for (DeviceDayResult r : results) {
      rows.add(
          RowFactory.create(
              layout.home(),
              r.date(),
              r.deviceId(),
              r.appliance(),
              r.kind(),
              r.kwh(),
              r.cost(),
              r.peakW(),
              r.meanW(),
              r.standbyW(),
              r.standbyKwh(),
              r.standbyCost(),
              r.onSeconds(),
              r.readings(),
              r.coverage(),
              r.gaps(),
              r.cycles(),
              r.duplicates()));
    }
    write(rows, DAILY_SCHEMA, DAILY);
  }

  public void writeHourly(List<DeviceDayResult> results, HomeConfig config) {
    List<Row> rows = new ArrayList<>();
    for (DeviceDayResult r : results) {
      DayGrid grid = DayGrid.of(r.date(), config.home().timezone(), config.tariff());
      for (int h = 0; h < grid.hours(); h++) {
        rows.add(
            RowFactory.create(
                layout.home(),
                r.date(),
                grid.hourStart(h).getHour(),
                grid.hourStart(h).toInstant(),
                r.deviceId(),
                r.appliance(),
                r.hourlyKwh()[h],
                r.hourlyCost()[h]));
      }
    }
    write(rows, HOURLY_SCHEMA, HOURLY);
  }

  public void writeStates(List<DeviceDayResult> results) {
    List<Row> rows = new ArrayList<>();
    for (DeviceDayResult r : results) {
      for (StateTotal s : r.states()) {
        rows.add(
            RowFactory.create(
                layout.home(),
                r.date(),
                r.deviceId(),
                r.appliance(),
                s.state(),
                s.seconds(),
                s.kwh(),
                s.entries()));
      }
    }
    write(rows, STATES_SCHEMA, STATES);
  }

  public void writeAnomalies(List<AnomalyRow> anomalies) {
    List<Row> rows = new ArrayList<>();
    for (AnomalyRow a : anomalies) {
      rows.add(
          RowFactory.create(
              layout.home(),
              a.date(),
              a.deviceId(),
              a.appliance(),
              instant(a.finding().startUs()),
              instant(a.finding().endUs()),
              a.finding().kind(),
              a.finding().detail()));
    }
    write(rows, ANOMALIES_SCHEMA, ANOMALIES);
  }

  /** The home's daily totals of [from, to] already written (one row per appliance-day). */
  public List<HistoryRow> history(LocalDate from, LocalDate to) throws IOException {
    Path dir = new Path(dataDir, layout.table(DAILY));
    if (!dir.getFileSystem(conf).exists(dir)) {
      return List.of();
    }
    List<HistoryRow> result = new ArrayList<>();
    for (Row row :
        read(spark, dataDir, DAILY)
            .where(col("home").equalTo(layout.home()))
            .where(col("date").between(lit(from), lit(to)))
            .select("date", "device_id", "appliance", "kwh", "cost")
            .orderBy("date", "device_id")
            .collectAsList()) {
      result.add(
          new HistoryRow(
              row.getLocalDate(0),
              row.getString(1),
              row.getString(2),
              row.getDouble(3),
              row.getDouble(4)));
    }
    return result;
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000);
  }

  /** A table as written, with its schema (an empty or missing table reads as no rows). */
  public static Dataset<Row> read(SparkSession spark, String dataDir, String table) {
    StructType schema = schema(table);
    Path dir = new Path(path(dataDir, table));
    try {
      if (!dir.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(dir)) {
        return spark.createDataFrame(List.of(), schema);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return spark.read().schema(schema).option("basePath", dir.toString()).parquet(dir.toString());
  }

  private void write(List<Row> rows, StructType schema, String table) {
    if (rows.isEmpty()) {
      return;
    }
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .mode(SaveMode.Append)
        .partitionBy("home", "date")
        .parquet(path(table));
  }
}
