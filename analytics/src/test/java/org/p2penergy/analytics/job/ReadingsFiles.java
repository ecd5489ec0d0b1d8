package org.p2penergy.analytics.job;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_date;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.p2penergy.collector.store.Reading;

/** Writes readings the way the collector lays them out: by UTC date, sorted by (device, ts). */
public final class ReadingsFiles {
  private ReadingsFiles() {}

  public static void write(SparkSession spark, Path dataDir, List<Reading> readings) {
    List<Row> rows = new ArrayList<>();
    for (Reading r : readings) {
      rows.add(RowFactory.create(r.deviceId(), r.event(), r.ts(), r.receivedAt(), r.value()));
    }
    spark
        .createDataFrame(rows, ReadingsSchema.SCHEMA)
        .withColumn("date", to_date(col("ts")))
        .repartition(col("date"))
        .sortWithinPartitions("device_id", "ts")
        .write()
        .mode(SaveMode.Append)
        .partitionBy("date")
        .parquet(dataDir.resolve(ReadingsSchema.READINGS).toString());
  }
}
