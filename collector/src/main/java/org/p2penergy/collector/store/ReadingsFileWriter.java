package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;

/**
 * Writes one readings Parquet file so that no reader ever sees it half-written: rows go to a hidden
 * temp file beside the target ({@code .NAME.tmp}, which Spark and {@code part-*} globs skip);
 * {@link #commit()} closes and fsyncs it, renames it over the target atomically and fsyncs the
 * directory. {@link #abort()} (or a failed commit) deletes the temp file. Rows must be given in the
 * file's order: the caller sorts.
 */
public final class ReadingsFileWriter implements AutoCloseable {
  private final Path target;
  private final Path temp;
  private final ParquetWriter<Reading> writer;
  private long rows;
  private boolean done;

  public ReadingsFileWriter(Path target, ParquetOptions options, IoFaults faults)
      throws IOException {
    this.target = target;
    this.temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.createDirectories(target.getParent());
      this.writer = new Builder(new SyncedOutputFile(temp, faults), options).build();
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw Disk.describe("cannot write " + temp, e);
    }
  }

  public void write(Reading reading) throws IOException {
    try {
      writer.write(reading);
      rows++;
    } catch (IOException | RuntimeException e) {
      abort();
      throw Disk.describe("cannot write " + temp, e);
    }
  }

  public long rows() {
    return rows;
  }

  public Path target() {
    return target;
  }

  /** Publishes the file; on failure nothing is visible at the target and the temp file is gone. */
  public void commit() throws IOException {
    if (done) throw new IllegalStateException("already committed or aborted: " + target);
    try {
      writer.close();
      Disk.moveAtomically(temp, target);
      done = true;
    } catch (IOException | RuntimeException e) {
      abort();
      throw Disk.describe("cannot write " + target, e);
    }
  }

  /** Drops the temp file; the target (if an earlier file is there) is left as it was. */
  public void abort() {
    if (done) return;
    done = true;
    try {
      writer.close();
    } catch (IOException | RuntimeException ignored) {
      // The temp file is deleted next; its contents do not matter.
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // Hidden name: a leftover temp file is invisible to readers and replaced on the next try.
    }
  }

  @Override
  public void close() {
    abort();
  }

  private static final class Builder extends ParquetWriter.Builder<Reading, Builder> {
    Builder(OutputFile file, ParquetOptions o) {
      super(file);
      withConf(new PlainParquetConfiguration());
      withCodecFactory(new ReadingsCodecFactory(o.zstdLevel()));
      withCompressionCodec(o.codec());
      withWriteMode(ParquetFileWriter.Mode.OVERWRITE);
      withWriterVersion(o.dataPageV2() ? WriterVersion.PARQUET_2_0 : WriterVersion.PARQUET_1_0);
      withRowGroupSize((long) o.rowGroupBytes());
      withDictionaryEncoding(true);
      // Timestamps are distinct and sorted: delta encoding, not a dictionary that overflows.
      withDictionaryEncoding(ReadingsSchema.TS, false);
      withDictionaryEncoding(ReadingsSchema.RECEIVED_AT, false);
      withDictionaryEncoding(ReadingsSchema.VALUE, o.dictionaryValue());
      withByteStreamSplitEncoding(ReadingsSchema.VALUE, o.byteStreamSplitValue());
    }

    @Override
    protected Builder self() {
      return this;
    }

    @Override
    protected WriteSupport<Reading> getWriteSupport(Configuration conf) {
      return new ReadingWriteSupport();
    }

    @Override
    protected WriteSupport<Reading> getWriteSupport(ParquetConfiguration conf) {
      return new ReadingWriteSupport();
    }
  }
}
