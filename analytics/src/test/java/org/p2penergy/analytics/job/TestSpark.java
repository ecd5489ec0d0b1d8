package org.p2penergy.analytics.job;

import org.apache.spark.sql.SparkSession;

/** The tests' local session: two cores, loopback only, no UI, few shuffle partitions. */
public final class TestSpark {
  private TestSpark() {}

  public static SparkSession start(String name) {
    return SparkSession.builder()
        .appName(name)
        .master("local[2]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .getOrCreate();
  }
}
