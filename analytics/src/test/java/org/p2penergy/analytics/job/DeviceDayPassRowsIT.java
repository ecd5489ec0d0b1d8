package org.p2penergy.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;

/**
 * What {@link DeviceDayPass} relies on when it reads Spark's internal rows instead of {@code Row}s:
 * the column order and types of {@link ReadingsInput#forPass}, strings as reused {@code UTF8String}
 * buffers it must copy, whole (home, device, day) groups per partition, and rows sorted by key
 * within a partition. A Spark upgrade that changes any of these fails here, not in a night's
 * figures.
 */
class DeviceDayPassRowsIT {
  private static SparkSession spark;
  private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

  @BeforeAll
  static void start() {
    spark = TestSpark.start("DeviceDayPassRowsIT");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private record Seen(String home, String device, int day, long key, double value, int fields)
      implements java.io.Serializable {}

  @Test
  void internalRowsAreWhatThePassReads() {
    HomeConfig a = ConfigLoader.parse("home: {id: a, timezone: UTC}\n");
    HomeConfig b = ConfigLoader.parse("home: {id: b, timezone: Asia/Tokyo}\n");
    Instant noon = Instant.parse("2026-11-27T12:00:00Z");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Instant t = noon.minusSeconds(i); // written newest first: the pass needs them sorted
      rows.add(
          RowFactory.create("dev-" + (i % 3), "power", t, t, (double) i, i % 2 == 0 ? "a" : "b"));
    }
    Dataset<Row> readings =
        spark.createDataFrame(rows, ReadingsSchema.SCHEMA.add("home", "string"));
    Dataset<Row> tagged =
        ReadingsInput.tagged(readings, HomeTable.of(spark, List.of(a, b), DAY, DAY), DAY, DAY);

    List<List<Seen>> partitions =
        ReadingsInput.forPass(tagged, 4).mapPartitions(DeviceDayPassRowsIT::copy).glom().collect();

    Map<String, Integer> groupPartition = new HashMap<>();
    int total = 0;
    for (int p = 0; p < partitions.size(); p++) {
      long previousKey = Long.MIN_VALUE;
      for (Seen s : partitions.get(p)) {
        total++;
        assertThat(s.fields()).isEqualTo(5);
        assertThat(s.key()).as("sorted by key in a partition").isGreaterThanOrEqualTo(previousKey);
        previousKey = s.key();
        Integer where = groupPartition.putIfAbsent(s.home() + "/" + s.device() + "/" + s.day(), p);
        assertThat(where == null || where == p).as("a group lives in one partition").isTrue();
        // key = ts micros * 64 + the event's index (power is the first power event: 0)
        long ts = (s.key() >> DeviceDayPass.EVENT_BITS);
        assertThat(s.key() & 63).isZero();
        assertThat(ts % 1_000_000).isZero();
        double i = (noon.getEpochSecond() * 1_000_000L - ts) / 1e6;
        assertThat(s.value()).isEqualTo(i);
        assertThat(s.home()).isEqualTo(((int) i) % 2 == 0 ? "a" : "b");
        assertThat(s.device()).isEqualTo("dev-" + ((int) i) % 3);
        // 12:00Z is the 27th in UTC and in Tokyo (21:00 there).
        assertThat(s.day()).isEqualTo((int) DAY.toEpochDay());
      }
    }
    assertThat(total).isEqualTo(200);
  }

  /** Reads each row as the pass does, copying the strings out of Spark's reused buffers. */
  private static Iterator<Seen> copy(Iterator<InternalRow> rows) {
    List<Seen> out = new ArrayList<>();
    while (rows.hasNext()) {
      InternalRow r = rows.next();
      out.add(
          new Seen(
              r.getUTF8String(DeviceDayPass.HOME).toString(),
              r.getUTF8String(DeviceDayPass.DEVICE).toString(),
              r.getInt(DeviceDayPass.DAY),
              r.getLong(DeviceDayPass.KEY),
              r.getDouble(DeviceDayPass.VALUE),
              r.numFields()));
    }
    return out.iterator();
  }
}
