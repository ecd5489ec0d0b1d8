package org.p2penergy.analytics.job;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * silently. Files that pass are read by Spark; a file corrupt past its footer is found when Spark
 * reads it, named, and left out on a second try (see EnergyJob).
 */
public final class InputFiles {

  /** The readable files, and the unreadable ones with the reason. */
  public record Scan(List<String> files, List<Unreadable> unreadable, int partitions) {}

  public record Unreadable(String path, String reason) implements java.io.Serializable {}

  /**
   * One home's readings files: in {@code readings/home=H/date=D/} ({@code files}) and in the older
   * {@code readings/date=D/} ({@code legacyFiles}), and the ones left out.
   */
  public record HomeFiles(
      List<String> files, List<String> legacyFiles, List<Unreadable> unreadable) {
    public int count() {
      return files.size() + legacyFiles.size();
    }
  }

  /** What one home needs read: its UTC dates, and whether the older layout may hold some. */
  public record Wanted(String home, LocalDate fromUtc, LocalDate toUtc, boolean legacyLayout) {}

  private InputFiles() {}

  /**
   * The files every home of a run needs, their footers checked on a few threads (the checks are
   * I/O: an object store answers each in milliseconds, a local disk faster).
   */
  public static Map<String, HomeFiles> scan(String dataDir, List<Wanted> wanted, Configuration conf)
      throws IOException {
    Path root = new Path(dataDir);
    FileSystem fs = root.getFileSystem(conf);
    Map<String, List<FileStatus>> own = new LinkedHashMap<>();
    Map<String, List<FileStatus>> legacy = new LinkedHashMap<>();
    for (Wanted w : wanted) {
      List<FileStatus> mine = new ArrayList<>();
      List<FileStatus> old = new ArrayList<>();
      for (LocalDate d = w.fromUtc(); !d.isAfter(w.toUtc()); d = d.plusDays(1)) {
        mine.addAll(parquetFiles(fs, new Path(root, DataLayout.of(w.home()).readings(d))));
        if (w.legacyLayout()) {
          old.addAll(parquetFiles(fs, new Path(root, DataLayout.legacyReadings(d))));
        }
      }
      own.put(w.home(), mine);
      legacy.put(w.home(), old);
    }
    Map<FileStatus, String> problems = checkAll(own, legacy, conf);
    Map<String, HomeFiles> result = new LinkedHashMap<>();
    for (Wanted w : wanted) {
      List<Unreadable> bad = new ArrayList<>();
      result.put(
          w.home(),
          new HomeFiles(
              readable(own.get(w.home()), problems, bad),
              readable(legacy.get(w.home()), problems, bad),
              bad));
    }
    return result;
  }

  private static List<String> readable(
      List<FileStatus> files, Map<FileStatus, String> problems, List<Unreadable> bad) {
    List<String> ok = new ArrayList<>();
    for (FileStatus f : files) {
      String problem = problems.get(f);
      if (problem == null) ok.add(f.getPath().toString());
      else bad.add(new Unreadable(f.getPath().toString(), problem));
    }
    return ok;
  }

  private static Map<FileStatus, String> checkAll(
      Map<String, List<FileStatus>> own, Map<String, List<FileStatus>> legacy, Configuration conf)
      throws IOException {
    List<FileStatus> all = new ArrayList<>();
    own.values().forEach(all::addAll);
    legacy.values().forEach(all::addAll);
    Map<FileStatus, String> problems = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(8, all.size())));
    try {
      List<Future<?>> checks = new ArrayList<>();
      for (FileStatus f : all) {
        checks.add(
            pool.submit(
                () -> {
                  String problem = check(f, conf);
                  if (problem != null) problems.put(f, problem);
                }));
      }
      for (Future<?> c : checks) c.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while checking the readings files");
    } catch (ExecutionException e) {
      throw new IOException("cannot check a readings file: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return problems;
  }

  /** The Parquet files of one partition folder (none when it does not exist). */
  private static List<FileStatus> parquetFiles(FileSystem fs, Path partition) throws IOException {
    List<FileStatus> out = new ArrayList<>();
    FileStatus[] entries;
    try {
      entries = fs.listStatus(partition);
    } catch (java.io.FileNotFoundException missing) {
      return out;
    }
    for (FileStatus status : entries) {
      String name = status.getPath().getName();
      if (status.isFile() && name.endsWith(".parquet") && !name.startsWith(".")) {
        out.add(status); // temp files of a writer (".part-*.tmp") are not readings yet
      }
    }
    return out;
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
