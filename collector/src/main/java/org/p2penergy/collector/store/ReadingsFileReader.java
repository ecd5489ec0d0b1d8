package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;

/**
 * Reads readings Parquet files without Hadoop (its own codec factory, a local input file), for
 * tests, benchmarks and tools on the Pi. Spark and DuckDB read the same files directly.
 */
public final class ReadingsFileReader {
  private ReadingsFileReader() {}

  public static List<Reading> readAll(Path file) throws IOException {
    List<Reading> rows = new ArrayList<>();
    forEach(file, rows::add);
    return rows;
  }

  /**
   * Every {@code home=H/date=D/part-*.parquet} (and the older {@code date=D/part-*.parquet}) under
   * a readings directory, in path order. Lists names only (no stat of each entry), so a temp file
   * renamed meanwhile does not break the listing.
   */
  public static List<Path> partFiles(Path readingsDir) throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(readingsDir)) return files;
    List<Path> dateDirs = new ArrayList<>();
    try (DirectoryStream<Path> homes = Files.newDirectoryStream(readingsDir, "home=*")) {
      for (Path home : homes) dateDirs.addAll(list(home, "date=*"));
    }
    dateDirs.addAll(list(readingsDir, "date=*"));
    for (Path date : dateDirs) {
      files.addAll(list(date, "part-*.parquet"));
    }
    files.sort(null);
    return files;
  }

  private static List<Path> list(Path dir, String glob) throws IOException {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) return out;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, glob)) {
      entries.forEach(out::add);
    }
    return out;
  }

  public static ParquetMetadata footer(Path file) throws IOException {
    try (ParquetFileReader reader = open(file)) {
      return reader.getFooter();
    }
  }

  public static void forEach(Path file, Consumer<Reading> sink) throws IOException {
    try (ParquetFileReader reader = open(file)) {
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(ReadingsSchema.SCHEMA);
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Reading> records = io.getRecordReader(pages, new Materializer());
        for (long i = 0; i < pages.getRowCount(); i++) sink.accept(records.read());
      }
    }
  }

  private static ParquetFileReader open(Path file) throws IOException {
    ParquetReadOptions options = HadoopFreeReadOptions.create(new ReadingsCodecFactory(0));
    return ParquetFileReader.open(new LocalInputFile(file), options);
  }

  private static final class Materializer extends RecordMaterializer<Reading> {
    private String device;
    private String event;
    private long ts;
    private long receivedAt;
    private double value;

    private final GroupConverter root =
        new GroupConverter() {
          private final Converter[] fields = {
            new PrimitiveConverter() {
              @Override
              public void addBinary(Binary b) {
                device = b.toStringUsingUTF8();
              }
            },
            new PrimitiveConverter() {
              @Override
              public void addBinary(Binary b) {
                event = b.toStringUsingUTF8();
              }
            },
            new PrimitiveConverter() {
              @Override
              public void addLong(long v) {
                ts = v;
              }
            },
            new PrimitiveConverter() {
              @Override
              public void addLong(long v) {
                receivedAt = v;
              }
            },
            new PrimitiveConverter() {
              @Override
              public void addDouble(double v) {
                value = v;
              }
            }
          };

          @Override
          public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
          }

          @Override
          public void start() {}

          @Override
          public void end() {}
        };

    @Override
    public Reading getCurrentRecord() {
      return new Reading(
          device, event, ReadingsSchema.instant(ts), ReadingsSchema.instant(receivedAt), value);
    }

    @Override
    public GroupConverter getRootConverter() {
      return root;
    }
  }
}
