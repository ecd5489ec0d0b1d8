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
import org.p2penergy.home.layout.DataLayout;

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

  /**
   * The home's files of UTC dates [fromUtc, toUtc]: {@code readings/home=H/date=D/} and, for a data
   * directory written before homes had ids, {@code readings/date=D/} (read as this home).
   */
  public static Scan scan(
      String dataDir, String home, LocalDate fromUtc, LocalDate toUtc, Configuration conf)
      throws IOException {
    Path root = new Path(dataDir);
    FileSystem fs = root.getFileSystem(conf);
    List<String> files = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    int partitions = 0;
    List<Path> dirs = new ArrayList<>();
    for (LocalDate d = fromUtc; !d.isAfter(toUtc); d = d.plusDays(1)) {
      dirs.add(new Path(root, DataLayout.of(home).readings(d)));
      dirs.add(new Path(root, DataLayout.legacyReadings(d)));
    }
    for (Path partition : dirs) {
      if (!fs.exists(partition)) {
        continue;
      }
      partitions++;
      collect(fs, partition, conf, files, unreadable);
    }
    return new Scan(files, unreadable, partitions);
  }

  /**
   * Every readings file of every home and date ({@code readings/home=*\/date=*\/} and the older
   * {@code readings/date=*\/}), with the same checks as {@link #scan}: what {@code sql} reads.
   */
  public static Scan scanAll(String dataDir, Configuration conf) throws IOException {
    Path readings = new Path(dataDir, DataLayout.READINGS);
    FileSystem fs = readings.getFileSystem(conf);
    List<String> files = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    if (!fs.exists(readings)) {
      return new Scan(files, unreadable, 0);
    }
    List<Path> partitions = new ArrayList<>();
    for (FileStatus top : fs.listStatus(readings)) {
      String name = top.getPath().getName();
      if (top.isDirectory() && name.startsWith("home=")) {
        for (FileStatus date : fs.listStatus(top.getPath())) {
          if (date.isDirectory() && date.getPath().getName().startsWith("date=")) {
            partitions.add(date.getPath());
          }
        }
      } else if (top.isDirectory() && name.startsWith("date=")) {
        partitions.add(top.getPath());
      }
    }
    for (Path partition : partitions) {
      collect(fs, partition, conf, files, unreadable);
    }
    return new Scan(files, unreadable, partitions.size());
  }

  private static void collect(
      FileSystem fs,
      Path partition,
      Configuration conf,
      List<String> files,
      List<Unreadable> unreadable)
      throws IOException {
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
