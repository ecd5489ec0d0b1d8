package org.p2penergy.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.collector.config.Appliance;
import org.p2penergy.collector.config.HomeConfig;

/**
 * The readings the pass needs for local days [from, to]: power events only, tagged with the local
 * day they belong to. A reading within the device's max gap of a local midnight is also given to
 * the neighbouring day, which needs it to charge (or not) the interval that crosses midnight.
 */
final class ReadingsInput {
  private ReadingsInput() {}

  static Dataset<Row> load(SparkSession spark, List<String> files) {
    if (files.isEmpty()) {
      return spark.createDataFrame(List.<Row>of(), ReadingsSchema.SCHEMA);
    }
    return spark.read().schema(ReadingsSchema.SCHEMA).parquet(files.toArray(String[]::new));
  }

  /** Columns device_id, day (epoch day), ts_us, ev (event index), value; see DeviceDayPass. */
  static Dataset<Row> tagged(
      Dataset<Row> readings, HomeConfig config, LocalDate from, LocalDate to, Duration edge) {
    String zone = config.home().timezone().getId();
    Instant start = from.atStartOfDay(config.home().timezone()).toInstant().minus(edge);
    Instant end = to.plusDays(1).atStartOfDay(config.home().timezone()).toInstant().plus(edge);
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
    Dataset<Row> base =
        readings
            .where(power)
            .select(
                col("device_id"),
                expr("unix_micros(ts)").as("ts_us"),
                expr("CAST(array_position(array(" + events + "), event) AS INT)").as("ev"),
                col("value"),
                expr("to_date(from_utc_timestamp(ts, '" + zone + "'))").as("local_date"),
                maxGapUs(config).as("gap_us"));
    Column dayStartUs =
        expr("unix_micros(to_utc_timestamp(CAST(local_date AS TIMESTAMP), '" + zone + "'))");
    Column nextStartUs =
        expr(
            "unix_micros(to_utc_timestamp(CAST(date_add(local_date, 1) AS TIMESTAMP), '"
                + zone
                + "'))");
    Column none = expr("CAST(array() AS ARRAY<INT>)");
    Column days =
        concat(
            expr("array(unix_date(local_date))"),
            when(
                    col("ts_us").minus(dayStartUs).leq(col("gap_us")),
                    expr("array(unix_date(local_date) - 1)"))
                .otherwise(none),
            when(
                    nextStartUs.minus(col("ts_us")).leq(col("gap_us")),
                    expr("array(unix_date(local_date) + 1)"))
                .otherwise(none));
    return base.select(
            col("device_id"), explode(days).as("day"), col("ts_us"), col("ev"), col("value"))
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
