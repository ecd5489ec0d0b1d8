package org.p2penergy.analytics.job;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.p2penergy.home.config.Appliance;

/**
 * The readings the pass needs for local days [from, to]: power events only, tagged with the local
 * day they belong to. A reading within the device's max gap of a local midnight is also given to
 * the neighbouring day, which needs it to charge (or not) the interval that crosses midnight.
 *
 * <p>Every home is in its own zone: its local midnights are worked out once on the driver
 * (java.time, so DST is exact) and joined to its readings as an array ({@link HomeTable}): per row
 * there is only integer arithmetic, no time-zone conversion.
 */
public final class ReadingsInput {
  private static final long DAY_US = 86_400_000_000L;

  private ReadingsInput() {}

  /** The readings files with the readings schema (no inference: a bad file was left out before). */
  public static Dataset<Row> load(SparkSession spark, List<String> files) {
    if (files.isEmpty()) {
      return spark.createDataFrame(List.<Row>of(), ReadingsSchema.SCHEMA);
    }
    return spark.read().schema(ReadingsSchema.SCHEMA).parquet(files.toArray(String[]::new));
  }

  /**
   * The readings with {@code home} and {@code date} taken from each file's path, as a partitioned
   * table would have them; null home for files of the older layout ({@code readings/date=D}).
   */
  public static Dataset<Row> loadWithPartitions(SparkSession spark, List<String> files) {
    if (files.isEmpty()) {
      return spark.createDataFrame(
          List.<Row>of(),
          ReadingsSchema.SCHEMA
              .add("home", org.apache.spark.sql.types.DataTypes.StringType)
              .add("date", org.apache.spark.sql.types.DataTypes.DateType));
    }
    return load(spark, files)
        .withColumn(
            "home", expr("nullif(regexp_extract(_metadata.file_path, '/home=([^/]+)/', 1), '')"))
        .withColumn(
            "date", expr("to_date(regexp_extract(_metadata.file_path, '/date=([0-9-]{10})/', 1))"));
  }

  /**
   * The readings of one home's files as the pass wants them: with the {@code home} column
   * (partition value from {@code readings/home=H/...}, or {@code home} for the older layout).
   */
  static Dataset<Row> withHome(Dataset<Row> readings, String home) {
    return readings.withColumn("home", lit(home));
  }

  /**
   * The files of {@code readings/home=H/date=D/} with their {@code home} taken from the path by
   * Spark's partition discovery (a constant per file, no per-row work).
   */
  static Dataset<Row> loadPartitioned(SparkSession spark, String readingsRoot, List<String> files) {
    StructType schema = ReadingsSchema.SCHEMA.add("home", DataTypes.StringType);
    if (files.isEmpty()) {
      return spark.createDataFrame(List.<Row>of(), schema);
    }
    return spark
        .read()
        .schema(schema.add("date", DataTypes.DateType))
        .option("basePath", readingsRoot)
        .parquet(files.toArray(String[]::new))
        .drop("date");
  }

  /**
   * What {@link DeviceDayPass} reads: the tagged rows with whole (home, device, day) groups in each
   * partition, sorted by the one long key, as Spark's internal rows (see DeviceDayPass).
   */
  static JavaRDD<InternalRow> forPass(Dataset<Row> tagged, int partitions) {
    return tagged
        .repartition(partitions, col("home"), col("device_id"), col("day"))
        .sortWithinPartitions("key")
        .queryExecution()
        .toRdd()
        .toJavaRDD();
  }

  /**
   * Columns home, device_id, day (epoch day of the home's local day), key (ts in micros × 64 + the
   * event's index), value; see DeviceDayPass. {@code readings} has the readings columns and {@code
   * home}; {@code homes} is {@link HomeTable}'s one row per home (broadcast).
   */
  static Dataset<Row> tagged(
      Dataset<Row> readings, Dataset<Row> homes, LocalDate from, LocalDate to) {
    long base = HomeTable.first(from).toEpochDay();
    int last = (int) (to.plusDays(3).toEpochDay() - base + 1); // size of starts
    // A guess from the standard offset is off by at most one day; the midnights correct it.
    String guess = "floor((ts_us + offset_us) / " + DAY_US + ")";
    String index = "greatest(1, least(" + (last - 1) + ", CAST(g - " + base + " + 1 AS INT)))";
    Dataset<Row> tagged =
        readings
            .join(broadcast(homes), "home")
            .select(
                col("home"),
                col("device_id"),
                expr("unix_micros(ts)").as("ts_us"),
                expr("element_at(events, event)").as("ev"),
                col("value"),
                expr("coalesce(element_at(gaps, device_id), "
                        + Appliance.DEFAULT_MAX_GAP.toNanos() / 1000
                        + "L)")
                    .as("gap_us"),
                col("starts"),
                col("offset_us"),
                col("lo_us"),
                col("hi_us"))
            .where(
                col("ev")
                    .isNotNull()
                    .and(col("ts_us").geq(col("lo_us")))
                    .and(col("ts_us").lt(col("hi_us")))
                    .and(col("value").isNotNull())
                    .and(expr("NOT isnan(value)")))
            .withColumn("g", expr(guess))
            .withColumn("i", expr(index))
            .withColumn(
                "day",
                expr(
                    "CAST(CASE WHEN ts_us < element_at(starts, i) THEN g - 1"
                        + " WHEN ts_us >= element_at(starts, i + 1) THEN g + 1 ELSE g END AS INT)"))
            .withColumn("k", expr("CAST(day - " + base + " + 1 AS INT)"));
    Column dayStart = expr("element_at(starts, k)");
    Column nextStart = expr("element_at(starts, k + 1)");
    Column nearStart = col("ts_us").minus(dayStart).leq(col("gap_us"));
    Column nearEnd = nextStart.minus(col("ts_us")).leq(col("gap_us"));
    Column days =
        when(nearStart.and(nearEnd), expr("array(day, day - 1, day + 1)"))
            .when(nearStart, expr("array(day, day - 1)"))
            .when(nearEnd, expr("array(day, day + 1)"))
            .otherwise(expr("array(day)"));
    return tagged
        .select(
            col("home"),
            col("device_id"),
            explode(days).as("day"),
            expr("ts_us * " + (1 << DeviceDayPass.EVENT_BITS) + " + ev").as("key"),
            col("value"))
        .where(col("day").between(from.toEpochDay(), to.toEpochDay()));
  }
}
