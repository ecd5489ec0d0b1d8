package org.p2penergy.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
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

/**
 * The four output tables under DATA/analytics, partitioned by local date. A run first deletes the
 * partitions of its dates, so a re-run replaces them and never appends duplicates.
 */
public final class OutputTables {
  public static final String DAILY = "daily";
  public static final String HOURLY = "hourly";
  public static final String STATES = "states";
  public static final String ANOMALIES = "anomalies";
  public static final List<String> ALL = List.of(DAILY, HOURLY, STATES, ANOMALIES);

  static final StructType DAILY_SCHEMA =
      new StructType()
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
          .add("date", DataTypes.DateType)
          .add("hour", DataTypes.IntegerType)
          .add("start", DataTypes.TimestampType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("kwh", DataTypes.DoubleType)
          .add("cost", DataTypes.DoubleType);
  static final StructType STATES_SCHEMA =
      new StructType()
          .add("date", DataTypes.DateType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("state", DataTypes.StringType)
          .add("seconds", DataTypes.DoubleType)
          .add("kwh", DataTypes.DoubleType)
          .add("entries", DataTypes.IntegerType);
  static final StructType ANOMALIES_SCHEMA =
      new StructType()
          .add("date", DataTypes.DateType)
          .add("device_id", DataTypes.StringType)
          .add("appliance", DataTypes.StringType)
          .add("start", DataTypes.TimestampType)
          .add("end", DataTypes.TimestampType)
          .add("kind", DataTypes.StringType)
          .add("detail", DataTypes.StringType);

  private final SparkSession spark;
  private final String dataDir;
  private final Configuration conf;

  public OutputTables(SparkSession spark, String dataDir, Configuration conf) {
    this.spark = spark;
    this.dataDir = dataDir;
    this.conf = conf;
  }

  public String path(String table) {
    return new Path(new Path(dataDir, ReadingsSchema.ANALYTICS), table).toString();
  }

  /** Deletes every table's partitions for [from, to]. */
  public void clear(LocalDate from, LocalDate to) throws IOException {
    for (String table : ALL) {
      Path dir = new Path(path(table));
      FileSystem fs = dir.getFileSystem(conf);
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        fs.delete(new Path(dir, "date=" + d), true);
      }
    }
  }

  public void writeDaily(List<DeviceDayResult> results) {
    List<Row> rows = new ArrayList<>();
    for (DeviceDayResult r : results) {
      rows.add(
          RowFactory.create(
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

  /** The daily totals of [from, to] already written (small: one row per appliance-day). */
  public List<HistoryRow> history(LocalDate from, LocalDate to) throws IOException {
    Path dir = new Path(path(DAILY));
    if (!dir.getFileSystem(conf).exists(dir)) {
      return List.of();
    }
    List<HistoryRow> result = new ArrayList<>();
    for (Row row :
        spark
            .read()
            .parquet(dir.toString())
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

  private void write(List<Row> rows, StructType schema, String table) {
    if (rows.isEmpty()) {
      return;
    }
    spark
        .createDataFrame(rows, schema)
        .coalesce(1)
        .write()
        .mode(SaveMode.Append)
        .partitionBy("date")
        .parquet(path(table));
  }
}
