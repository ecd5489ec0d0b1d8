package org.p2penergy.analytics.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the session. The master is never fixed here: spark-submit sets {@code spark.master}; only
 * when nothing did is it local mode on every core.
 */
public final class SparkSessions {
  private SparkSessions() {}

  public static SparkSession create(String appName) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(appName);
    if (!conf.contains("spark.master")) {
      builder
          .master("local[*]")
          .config("spark.driver.host", "127.0.0.1")
          .config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.ui.enabled", "false");
    }
    builder.config("spark.sql.session.timeZone", "UTC");
    builder.config("spark.sql.datetime.java8API.enabled", "true");
    return builder.getOrCreate();
  }

  /**
   * Session settings the job relies on (set again at run time: a session may come from outside).
   */
  public static void configureForJob(SparkSession spark) {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
    // Never skip a bad file silently: unreadable footers are found and named before Spark reads.
    spark.conf().set("spark.sql.files.ignoreCorruptFiles", "false");
    // Outputs carry timestamps as the readings do: INT64 micros, readable by DuckDB and
    // parquet-java.
    spark.conf().set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
  }
}
