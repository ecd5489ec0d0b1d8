package org.p2penergy.collector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReadingsFileWriterTest {
  @TempDir Path dir;

  static List<Reading> sample() {
    List<Reading> rows = new ArrayList<>();
    Instant t0 = Instant.parse("2026-11-27T18:07:12.555Z");
    for (int i = 0; i < 500; i++) {
      rows.add(
          new Reading(
              "34003d000547363332363639",
              "power",
              t0.plusSeconds(i),
              t0.plusSeconds(i).plusMillis(120),
              20 + (i % 7) * 0.5));
    }
    return rows;
  }

  @Test
  void hadoopIsNotOnTheTestClasspath() {
    // The round trips below therefore prove the Pi path: parquet-java without Hadoop at run time.
    assertThatThrownBy(() -> Class.forName("org.apache.hadoop.conf.Configuration"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = CompressionCodecName.class,
      names = {"ZSTD", "GZIP", "UNCOMPRESSED"})
  void roundTripsEveryRowWithEachCodec(CompressionCodecName codec) throws IOException {
    Path file = dir.resolve("part-x.parquet");
    try (ReadingsFileWriter w =
        new ReadingsFileWriter(file, ParquetOptions.DEFAULT.withCodec(codec, 3), IoFaults.NONE)) {
      for (Reading r : sample()) w.write(r);
      w.commit();
    }
    assertThat(ReadingsFileReader.readAll(file)).isEqualTo(sample());
    assertThat(ReadingsFileReader.footer(file).getBlocks().get(0).getColumns().get(0).getCodec())
        .isEqualTo(codec);
  }

  @Test
  void footerDeclaresTheContractTypes() throws IOException {
    Path file = dir.resolve("part-y.parquet");
    try (ReadingsFileWriter w =
        new ReadingsFileWriter(file, ParquetOptions.DEFAULT, IoFaults.NONE)) {
      w.write(sample().get(0));
      w.commit();
    }
    ParquetMetadata footer = ReadingsFileReader.footer(file);
    MessageType schema = footer.getFileMetaData().getSchema();
    assertThat(schema.getFieldCount()).isEqualTo(5);
    for (String text : List.of("device_id", "event")) {
      PrimitiveType t = schema.getType(text).asPrimitiveType();
      assertThat(t.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BINARY);
      assertThat(t.getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
    }
    for (String time : List.of("ts", "received_at")) {
      PrimitiveType t = schema.getType(time).asPrimitiveType();
      assertThat(t.getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
      TimestampLogicalTypeAnnotation ts =
          (TimestampLogicalTypeAnnotation) t.getLogicalTypeAnnotation();
      assertThat(ts.getUnit()).isEqualTo(LogicalTypeAnnotation.TimeUnit.MICROS);
      assertThat(ts.isAdjustedToUTC()).isTrue();
    }
    assertThat(schema.getType("value").asPrimitiveType().getPrimitiveTypeName())
        .isEqualTo(PrimitiveTypeName.DOUBLE);
    // 2026-11-27T18:07:12.555Z in microseconds: `date -u -d 2026-11-27T18:07:12Z +%s` = 1795802832.
    assertThat(ReadingsSchema.micros(sample().get(0).ts())).isEqualTo(1_795_802_832_555_000L);
  }

  @Test
  void nothingIsVisibleUntilCommitAndAbortLeavesNoFile() throws IOException {
    Path file = dir.resolve("date=2026-11-27/part-z.parquet");
    ReadingsFileWriter w = new ReadingsFileWriter(file, ParquetOptions.DEFAULT, IoFaults.NONE);
    for (Reading r : sample()) w.write(r);
    assertThat(file).doesNotExist();
    assertThat(ReadingsFileReader.partFiles(dir)).isEmpty();
    w.abort();
    try (Stream<Path> left = Files.list(file.getParent())) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aFullDiskLeavesNoFileAndNamesThePath() throws IOException {
    Path file = dir.resolve("part-full.parquet");
    IoFaults full =
        p -> {
          throw new IOException("No space left on device");
        };
    assertThatThrownBy(
            () -> {
              try (ReadingsFileWriter w =
                  new ReadingsFileWriter(file, ParquetOptions.DEFAULT, full)) {
                for (Reading r : sample()) w.write(r);
                w.commit();
              }
            })
        .isInstanceOf(IOException.class)
        .hasMessageContaining(dir.toString())
        .hasMessageContaining("No space left on device");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
