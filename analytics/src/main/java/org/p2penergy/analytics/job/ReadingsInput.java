package org.p2penergy.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.home.config.Appliance;
import org.p2penergy.home.config.HomeConfig;

/**
 * The readings the pass needs for local days [from, to]: power events only, tagged with the local
 * day they belong to. A reading within the device's max gap of a local midnight is also given to
 * the neighbouring day, which needs it to charge (or not) the interval that crosses midnight.
 *
 * <p>Local midnights are worked out once on the driver (java.time, so DST is exact) and handed to
 * Spark as an array literal: per row there is only integer arithmetic, no time-zone conversion.
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
   * Columns device_id, day (epoch day), key (ts in micros × 64 + the event's index), value; see
   * DeviceDayPass.
   */
  static Dataset<Row> tagged(
      Dataset<Row> readings, HomeConfig config, LocalDate from, LocalDate to, Duration edge) {
    ZoneId zone = config.home().timezone();
    Instant start = from.atStartOfDay(zone).toInstant().minus(edge);
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant().plus(edge);
    String events =
        String.join(
            ", ",
            config.powerEvents().stream().map(e -> "'" + e.replace("'", "\\'") + "'").toList());
    Column power =
        col("event")
            .isin(config.powerEvents().toArray())
            .and(col("ts").geq(lit(Timestamp.from(start))))
            .and(col("ts").lt(lit(Timestamp.from(end))))
            .and(col("value").isNotNull())
            .and(expr("NOT isnan(value)"));
    // starts[k] (1-based) is the start of local day first + k - 1, for days from-2 .. to+2.
    LocalDate first = from.minusDays(2);
    List<String> starts = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(to.plusDays(3)); d = d.plusDays(1)) {
      Instant s = d.atStartOfDay(zone).toInstant();
      starts.add((s.getEpochSecond() * 1_000_000L) + "L");
    }
    String array = "array(" + String.join(", ", starts) + ")";
    long base = first.toEpochDay();
    long offsetUs = zone.getRules().getStandardOffset(start).getTotalSeconds() * 1_000_000L;
    int last = starts.size();
    // A guess from the standard offset is off by at most one day; the midnights correct it.
    String guess = "floor((ts_us + " + offsetUs + ") / " + DAY_US + ")";
    String index = "greatest(1, least(" + (last - 1) + ", CAST(g - " + base + " + 1 AS INT)))";
    Dataset<Row> tagged =
        readings
            .where(power)
            .select(
                col("device_id"),
                expr("unix_micros(ts)").as("ts_us"),
                expr("CAST(array_position(array(" + events + "), event) AS INT)").as("ev"),
                col("value"),
                maxGapUs(config).as("gap_us"))
            .withColumn("g", expr(guess))
            .withColumn("i", expr(index))
            .withColumn(
                "day",
                expr(
                    "CAST(CASE WHEN ts_us < element_at("
                        + array
                        + ", i) THEN g - 1 WHEN ts_us >= element_at("
                        + array
                        + ", i + 1) THEN g + 1 ELSE g END AS INT)"))
            .withColumn("k", expr("CAST(day - " + base + " + 1 AS INT)"));
    Column dayStart = expr("element_at(" + array + ", k)");
    Column nextStart = expr("element_at(" + array + ", k + 1)");
    Column nearStart = col("ts_us").minus(dayStart).leq(col("gap_us"));
    Column nearEnd = nextStart.minus(col("ts_us")).leq(col("gap_us"));
    Column days =
        when(nearStart.and(nearEnd), expr("array(day, day - 1, day + 1)"))
            .when(nearStart, expr("array(day, day - 1)"))
            .when(nearEnd, expr("array(day, day + 1)"))
            .otherwise(expr("array(day)"));
    return tagged
        .select(
            col("device_id"),
            explode(days).as("day"),
            expr("ts_us * " + (1 << DeviceDayPass.EVENT_BITS) + " + ev").as("key"),
            col("value"))
        .where(col("day").between(from.toEpochDay(), to.toEpochDay()));
  }

  /** Each device's max gap in micros; unlisted devices get the default. */
  private static Column maxGapUs(HomeConfig config) {
    Column gap = lit(Appliance.DEFAULT_MAX_GAP.toNanos() / 1000);
    for (Appliance a : config.appliances()) {
      gap =
          when(col("device_id").equalTo(a.deviceId()), lit(a.maxGap().toNanos() / 1000))
              .otherwise(gap);
    }
    return gap;
  }
}
