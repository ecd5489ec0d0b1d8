package org.p2penergy.analytics.job;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.p2penergy.analytics.energy.DayGrid;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.analytics.energy.PeerMetrics;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.config.PeerSettings;
import scala.Tuple2;

/**
 * The peer comparison, in Spark: per date, period (the day; the week and the month ending it) and
 * appliance kind, over the appliance-days with at least {@code min_coverage}, the count of
 * appliances and homes, the exact 20th percentile and median (linear interpolation, Spark's {@code
 * percentile}) and the mean of each metric, and each appliance's rank: the share of the others with
 * a lower value. A kind is compared only when its appliances come from at least {@code min_homes}
 * homes (k-anonymity); what leaves this stage names no home but the appliance's own.
 *
 * <p>A week or month figure is an appliance's mean over its qualifying days in the period, for an
 * appliance with at least half of the period's days qualifying.
 */
final class PeerStage {
  static final StructType METRICS =
      new StructType()
          .add("home", DataTypes.StringType)
          .add("device_id", DataTypes.StringType)
          .add("kind", DataTypes.StringType)
          .add("date", DataTypes.DateType)
          .add("coverage", DataTypes.DoubleType)
          .add("metric", DataTypes.StringType)
          .add("value", DataTypes.DoubleType);

  static final StructType WINDOWS =
      new StructType()
          .add("as_of", DataTypes.DateType)
          .add("period", DataTypes.StringType)
          .add("start", DataTypes.DateType)
          .add("days", DataTypes.IntegerType);

  /** The table {@code analytics/peers/date=D/}: the groups, nothing per home. */
  static final StructType TABLE =
      new StructType()
          .add("date", DataTypes.DateType)
          .add("period", DataTypes.StringType)
          .add("kind", DataTypes.StringType)
          .add("metric", DataTypes.StringType)
          .add("appliances", DataTypes.LongType)
          .add("homes", DataTypes.LongType)
          .add("p20", DataTypes.DoubleType)
          .add("median", DataTypes.DoubleType)
          .add("mean", DataTypes.DoubleType);

  /** The groups (for the table) and each home's own appliances against them. */
  record Result(Dataset<Row> table, JavaPairRDD<String, PeerRow> byHome) {}

  private PeerStage() {}

  /**
   * @param earlier the daily table's rows of the days before the run (home, date, device_id, kind,
   *     coverage, kwh, standby_w, on_seconds, cycles): a month's comparison needs them
   */
  static Result compute(
      SparkSession spark,
      JavaRDD<HomeDeviceDay> results,
      Dataset<Row> earlier,
      Broadcast<HomeConfigs> configs,
      PeerSettings settings,
      LocalDate from,
      LocalDate to) {
    JavaRDD<Row> now =
        results.flatMap(
            d -> {
              DeviceDayResult r = d.day();
              HomeConfig config = configs.value().of(d.home());
              return metricRows(
                      d.home(),
                      r.deviceId(),
                      r.kind(),
                      r.date(),
                      r.coverage(),
                      r.kwh(),
                      r.standbyW(),
                      r.onSeconds(),
                      r.cycles(),
                      config)
                  .iterator();
            });
    JavaRDD<Row> before =
        earlier
            .javaRDD()
            .flatMap(
                r ->
                    metricRows(
                            r.getString(0),
                            r.getString(2),
                            r.getString(3),
                            r.getLocalDate(1),
                            r.getDouble(4),
                            r.getDouble(5),
                            r.getDouble(6),
                            r.getDouble(7),
                            r.getInt(8),
                            configs.value().of(r.getString(0)))
                        .iterator());
    Dataset<Row> metrics =
        spark
            .createDataFrame(now.union(before), METRICS)
            .where(col("coverage").geq(settings.minCoverage()));
    Dataset<Row> perAppliance =
        metrics
            .join(
                broadcast(windows(spark, from, to)),
                col("date").between(col("start"), col("as_of")))
            .groupBy("as_of", "period", "days", "home", "device_id", "kind", "metric")
            .agg(exactMean("value").as("value"), count(lit(1)).as("n"))
            .where(expr("n >= ceil(days / 2.0)"))
            .drop("days", "n");
    Dataset<Row> groups =
        perAppliance
            .groupBy("as_of", "period", "kind", "metric")
            .agg(
                count(lit(1)).as("appliances"),
                countDistinct("home").as("homes"),
                expr("percentile(value, array(0.2, 0.5))").as("p"),
                exactMean("value").as("mean"))
            .where(col("homes").geq(settings.minHomes()))
            .select(
                col("as_of").as("date"),
                col("period"),
                col("kind"),
                col("metric"),
                col("appliances"),
                col("homes"),
                expr("p[0]").as("p20"),
                expr("p[1]").as("median"),
                col("mean"))
            .cache();
    WindowSpec group = Window.partitionBy("as_of", "period", "kind", "metric");
    Dataset<Row> ranked =
        perAppliance
            .withColumn("below", rank().over(group.orderBy("value")).minus(1))
            .withColumn("n", count(lit(1)).over(group))
            .withColumn(
                "rank_pct",
                expr(
                    "CASE WHEN n > 1 THEN CAST(below AS DOUBLE) * 100 / (n - 1) ELSE CAST(0 AS DOUBLE) END"))
            .withColumnRenamed("as_of", "date")
            .join(groups, new String[] {"date", "period", "kind", "metric"});
    JavaPairRDD<String, PeerRow> byHome =
        ranked
            .select(
                "home",
                "date",
                "device_id",
                "kind",
                "metric",
                "period",
                "value",
                "appliances",
                "homes",
                "p20",
                "median",
                "mean",
                "rank_pct")
            .javaRDD()
            .mapToPair(
                r ->
                    new Tuple2<>(
                        r.getString(0),
                        new PeerRow(
                            r.getLocalDate(1),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            r.getDouble(6),
                            r.getLong(7),
                            r.getLong(8),
                            r.getDouble(9),
                            r.getDouble(10),
                            r.getDouble(11),
                            r.getDouble(12))));
    return new Result(groups, byHome);
  }

  /** The periods of every day of the run: the day, the 7 days ending it, its month to date. */
  static Dataset<Row> windows(SparkSession spark, LocalDate from, LocalDate to) {
    List<Row> rows = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      rows.add(RowFactory.create(d, "day", d, 1));
      rows.add(RowFactory.create(d, "week", d.minusDays(6), 7));
      rows.add(RowFactory.create(d, "month", d.withDayOfMonth(1), d.getDayOfMonth()));
    }
    return spark.createDataFrame(rows, WINDOWS);
  }

  private static List<Row> metricRows(
      String home,
      String device,
      String kind,
      LocalDate date,
      double coverage,
      double kwh,
      double standbyW,
      double onSeconds,
      int cycles,
      HomeConfig config) {
    double daySeconds = DayGrid.of(date, config.home().timezone(), config.tariff()).seconds();
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Double> m :
        PeerMetrics.of(kind, kwh, standbyW, onSeconds, cycles, coverage * daySeconds).entrySet()) {
      rows.add(RowFactory.create(home, device, kind, date, coverage, m.getKey(), m.getValue()));
    }
    return rows;
  }

  /**
   * The mean of a double column, the same to the last bit however the rows are partitioned: a
   * floating-point sum depends on its order, which differs between local mode and a cluster, so the
   * values are summed as decimals (15 places, far below what a kWh, a watt or a duty cycle carries)
   * and the mean turned back into a double.
   */
  private static Column exactMean(String column) {
    return avg(col(column).cast(DataTypes.createDecimalType(28, 15))).cast(DataTypes.DoubleType);
  }
}
