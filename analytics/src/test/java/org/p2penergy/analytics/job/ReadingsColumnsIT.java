package org.p2penergy.analytics.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the pass reads of a readings file written by another tool than the collector: Spark, with
 * nullable columns and each of its timestamp encodings. Every row comes back with its instant in
 * micros; a row with a null in a column the pass needs is skipped.
 */
class ReadingsColumnsIT {
  private static SparkSession spark;
  @TempDir static Path dir;

  private static final Instant T = Instant.parse("2026-11-27T10:15:30.123456Z");

  /** The readings columns as another tool may write them: every one nullable. */
  private static final StructType NULLABLE =
      new StructType()
          .add("device_id", DataTypes.StringType, true)
          .add("event", DataTypes.StringType, true)
          .add("ts", DataTypes.TimestampType, true)
          .add("received_at", DataTypes.TimestampType, true)
          .add("value", DataTypes.DoubleType, true);

  @BeforeAll
  static void start() {
    spark = TestSpark.start("ReadingsColumnsIT");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private record Read(String device, String event, long tsUs, double value) {}

  private static List<Read> read(String file) throws IOException {
    List<Read> rows = new ArrayList<>();
    ReadingsColumns.read(
        file,
        new Configuration(),
        (d, e, ts, v) -> rows.add(new Read(d.toStringUsingUTF8(), e.toStringUsingUTF8(), ts, v)));
    return rows;
  }

  private static String written(String timestampType) throws IOException {
    spark.conf().set("spark.sql.parquet.outputTimestampType", timestampType);
    List<Row> rows =
        List.of(
            RowFactory.create("dev-a", "power", Timestamp.from(T), null, 12.5),
            RowFactory.create("dev-a", "power", Timestamp.from(T.plusSeconds(1)), null, null),
            RowFactory.create(
                "dev-b", "Apparent Power", Timestamp.from(T.plusSeconds(2)), null, Double.NaN),
            RowFactory.create("dev-b", "power", null, null, 3.0));
    Path out = dir.resolve(timestampType);
    spark.createDataFrame(rows, NULLABLE).coalesce(1).write().parquet(out.toString());
    try (Stream<Path> files = Files.list(out)) {
      return files
          .filter(f -> f.toString().endsWith(".parquet"))
          .findFirst()
          .orElseThrow()
          .toString();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"INT96", "TIMESTAMP_MICROS", "TIMESTAMP_MILLIS"})
  void everyTimestampEncodingGivesTheInstantInMicros(String encoding) throws IOException {
    long micros = T.getEpochSecond() * 1_000_000 + T.getNano() / 1000;
    long expected = encoding.equals("TIMESTAMP_MILLIS") ? micros / 1000 * 1000 : micros;
    List<Read> rows = read(written(encoding));
    // The null value and the null ts are skipped; NaN is a value (the pass leaves it out).
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0)).isEqualTo(new Read("dev-a", "power", expected, 12.5));
    assertThat(rows.get(1).device()).isEqualTo("dev-b");
    assertThat(rows.get(1).event()).isEqualTo("Apparent Power");
    assertThat(rows.get(1).tsUs()).isEqualTo(expected + 2_000_000);
    assertThat(rows.get(1).value()).isNaN();
  }

  @Test
  void aFileThatIsNotParquetIsNamed() throws IOException {
    Path bad = Files.writeString(dir.resolve("part-bad.parquet"), "not parquet at all");
    assertThatThrownBy(() -> read(bad.toString()))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("error reading file " + bad);
  }
}
