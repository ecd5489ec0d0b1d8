package org.p2penergy.analytics.job;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * Reads the four columns the pass needs ({@code device_id, event, ts, value}) of one readings file,
 * column by column with parquet-java, through Hadoop's file system (a local path or s3a). This is
 * where every reading enters the job, so it hands out Parquet's own values: a dictionary-encoded
 * string is the same {@link Binary} object each time it repeats, which lets the caller recognise a
 * device or an event by identity instead of comparing bytes. Rows with a null in any of the four
 * columns are skipped, as the readings contract has none.
 */
final class ReadingsColumns {
  /** One reading; {@code device} and {@code event} are only valid during the call. */
  interface Sink {
    void accept(Binary device, Binary event, long tsUs, double value);
  }

  private ReadingsColumns() {}

  /**
   * @throws IOException naming the file ("error reading file PATH: why"), for anything that stops
   *     it being read: the job then names the file and leaves it out
   */
  static void read(String file, Configuration conf, Sink sink) throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), conf))) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      MessageType projection =
          new MessageType(
              schema.getName(),
              schema.getType("device_id"),
              schema.getType("event"),
              schema.getType("ts"),
              schema.getType("value"));
      reader.setRequestedSchema(projection);
      ColumnDescriptor device = projection.getColumns().get(0);
      ColumnDescriptor event = projection.getColumns().get(1);
      ColumnDescriptor ts = projection.getColumns().get(2);
      ColumnDescriptor value = projection.getColumns().get(3);
      TsUnit unit = TsUnit.of(ts.getPrimitiveType());
      String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        ColumnReadStoreImpl store =
            new ColumnReadStoreImpl(
                pages,
                new GroupRecordConverter(projection).getRootConverter(),
                projection,
                createdBy);
        ColumnReader d = store.getColumnReader(device);
        ColumnReader e = store.getColumnReader(event);
        ColumnReader t = store.getColumnReader(ts);
        ColumnReader v = store.getColumnReader(value);
        int dMax = device.getMaxDefinitionLevel();
        int eMax = event.getMaxDefinitionLevel();
        int tMax = ts.getMaxDefinitionLevel();
        int vMax = value.getMaxDefinitionLevel();
        for (long row = pages.getRowCount(); row > 0; row--) {
          Binary dv = d.getCurrentDefinitionLevel() == dMax ? d.getBinary() : null;
          Binary ev = e.getCurrentDefinitionLevel() == eMax ? e.getBinary() : null;
          boolean hasTs = t.getCurrentDefinitionLevel() == tMax;
          long tv = hasTs ? unit.micros(t) : 0;
          boolean hasValue = v.getCurrentDefinitionLevel() == vMax;
          double vv = hasValue ? v.getDouble() : 0;
          d.consume();
          e.consume();
          t.consume();
          v.consume();
          if (dv != null && ev != null && hasTs && hasValue) {
            sink.accept(dv, ev, tv, vv);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new IOException("error reading file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * How a file stores {@code ts}. Readings are written in micros; a file written by another tool
   * (Spark writes INT96 by default) is read as Spark would read it.
   */
  private enum TsUnit {
    MICROS,
    MILLIS,
    NANOS,
    INT96;

    private static final long JULIAN_EPOCH_DAY = 2_440_588;

    static TsUnit of(PrimitiveType ts) {
      if (ts.getPrimitiveTypeName() == PrimitiveTypeName.INT96) {
        return INT96;
      }
      if (ts.getPrimitiveTypeName() == PrimitiveTypeName.INT64
          && ts.getLogicalTypeAnnotation() instanceof TimestampLogicalTypeAnnotation stamp) {
        return switch (stamp.getUnit()) {
          case MICROS -> MICROS;
          case MILLIS -> MILLIS;
          case NANOS -> NANOS;
        };
      }
      throw new IllegalArgumentException("column ts is " + ts + ", not a timestamp");
    }

    long micros(ColumnReader r) {
      return switch (this) {
        case MICROS -> r.getLong();
        case MILLIS -> r.getLong() * 1000;
        case NANOS -> Math.floorDiv(r.getLong(), 1000);
        case INT96 -> {
          // 8 bytes of nanos of the day, then 4 bytes of Julian day, little-endian.
          ByteBuffer b = r.getBinary().toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
          long nanos = b.getLong(b.position());
          long julianDay = b.getInt(b.position() + 8);
          yield (julianDay - JULIAN_EPOCH_DAY) * 86_400_000_000L + nanos / 1000;
        }
      };
    }
  }
}
