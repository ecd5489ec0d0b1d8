package org.p2penergy.analytics.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.home.config.Home;
import org.p2penergy.home.layout.DataLayout;

/**
 * N appliances × D days of 1 Hz readings written straight to readings Parquet (the collector's
 * layout: UTC date partitions, rows sorted by device and ts, ZSTD), generated inside Spark so that
 * 100 M rows take minutes, not hours. The loads are the ones measured by the original project
 * (docs/ARCHITECTURE.md): device i is a fridge (i % 3 == 0: 20 W idle, 45-minute cycle with an 840
 * W start surge and 160 W cooling, a door opening every 3 h), a microwave (i % 3 == 1: a session
 * every 6 h at level 3, 6 or 10) or a Raspberry Pi (1 W), each plus the 5.5 W noise floor and ±0.5
 * W of noise.
 */
public final class SyntheticReadings {
  public static final String FRIDGE_PREFIX = "fridge-";

  private SyntheticReadings() {}

  public static void write(
      SparkSession spark, String dataDir, int devices, int days, LocalDate start) {
    long perDevice = days * 86_400L;
    long startS = start.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    String model =
        """
        CAST(CASE kind
          WHEN 0 THEN CASE
            WHEN cyc < 20 THEN 845.5
            WHEN cyc < 900 THEN 165.5
            WHEN (s + phase) % 10800 BETWEEN 5000 AND 5059 THEN 40.5
            ELSE 25.5 END
          WHEN 1 THEN CASE
            WHEN (s + phase) % 21600 BETWEEN 100 AND 279 THEN
              element_at(array(705.5, 1205.5, 2005.5), CAST((s + phase) DIV 21600 % 3 AS INT) + 1)
            ELSE 3.0 END
          ELSE 6.5 END
        + (pmod(hash(id), 1000) / 1000.0 - 0.5) AS DOUBLE)
        """;
    spark
        .range(0, devices * perDevice, 1, Math.max(2, devices * days / 4))
        .withColumn("dev", expr("CAST(id DIV " + perDevice + " AS INT)"))
        .withColumn("s", expr("id % " + perDevice))
        .withColumn("kind", expr("dev % 3"))
        .withColumn("phase", expr("dev * 977"))
        .withColumn("cyc", expr("(s + phase) % 2700"))
        .select(
            expr("concat(CASE dev % 3 WHEN 0 THEN 'fridge-' WHEN 1 THEN 'microwave-' ELSE 'pi-' END,"
                    + " lpad(CAST(dev AS STRING), 3, '0'))")
                .as("device_id"),
            expr("'power'").as("event"),
            expr("timestamp_seconds(" + startS + " + s)").as("ts"),
            expr("timestamp_seconds(" + startS + " + s + 1)").as("received_at"),
            expr(model).as("value"))
        .withColumn("date", expr("to_date(ts)"))
        .repartition(col("date"))
        .sortWithinPartitions("device_id", "ts")
        .write()
        .mode(SaveMode.Overwrite)
        .option("compression", "zstd")
        .partitionBy("date")
        // The per-home layout (readings/home=H/date=D/), as the collector writes it.
        .parquet(dataDir + "/" + DataLayout.of(Home.DEFAULT_ID).readings());
  }
}
