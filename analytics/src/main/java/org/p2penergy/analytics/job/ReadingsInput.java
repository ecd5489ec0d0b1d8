package org.p2penergy.analytics.job;

import static org.apache.spark.sql.functions.expr;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The readings as a Spark table, for {@code sql} (the job's own pass reads its files itself: see
 * {@link HomePass}).
 */
public final class ReadingsInput {
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
}
