package org.p2penergy.analytics.job;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Finds the readings files of some UTC date partitions and opens each one's footer, so that a
 * truncated or garbage file is named and left out instead of failing the job or being skipped
 * silently. Files that pass are read by Spark; a file corrupt past its footer still fails loudly.
 */
public final class InputFiles {

  /** The readable files, and the unreadable ones with the reason. */
  public record Scan(List<String> files, List<Unreadable> unreadable, int partitions) {}

  public record Unreadable(String path, String reason) {}

  private InputFiles() {}

  public static Scan scan(String dataDir, LocalDate fromUtc, LocalDate toUtc, Configuration conf)
      throws IOException {
    Path readings = new Path(dataDir, ReadingsSchema.READINGS);
    FileSystem fs = readings.getFileSystem(conf);
    List<String> files = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    int partitions = 0;
    for (LocalDate d = fromUtc; !d.isAfter(toUtc); d = d.plusDays(1)) {
      Path partition = new Path(readings, "date=" + d);
      if (!fs.exists(partition)) {
        continue;
      }
      partitions++;
      for (FileStatus status : fs.listStatus(partition)) {
        String name = status.getPath().getName();
        if (!status.isFile() || !name.endsWith(".parquet") || name.startsWith(".")) {
          continue; // temp files of a writer (".part-*.tmp") are not readings yet
        }
        String problem = check(status, conf);
        if (problem == null) {
          files.add(status.getPath().toString());
        } else {
          unreadable.add(new Unreadable(status.getPath().toString(), problem));
        }
      }
    }
    return new Scan(files, unreadable, partitions);
  }

  private static java.util.Optional<String> wrongType(
      MessageType schema, String column, PrimitiveTypeName... expected) {
    Type type = schema.getType(column);
    if (type.isPrimitive()
        && List.of(expected).contains(type.asPrimitiveType().getPrimitiveTypeName())) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        "not a readings file: " + column + " is " + type + ", expected " + expected[0]);
  }

  /** Null when the footer opens and has the columns the job needs; otherwise why not. */
  static String check(FileStatus status, Configuration conf) {
    if (status.getLen() < 12) {
      return "too short to be Parquet (" + status.getLen() + " bytes)";
    }
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromStatus(status, conf))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      for (String column : List.of("device_id", "event", "ts", "value")) {
        if (!schema.containsField(column)) {
          return "not a readings file: no column " + column;
        }
      }
      // INT96 is how Spark writes timestamps unless told otherwise; it reads them back fine.
      return wrongType(schema, "value", PrimitiveTypeName.DOUBLE)
          .or(() -> wrongType(schema, "ts", PrimitiveTypeName.INT64, PrimitiveTypeName.INT96))
          .orElse(null);
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return message.lines().findFirst().orElse(message);
    }
  }
}
