package org.p2penergy.collector.store;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Turns a {@link Reading} into one row of {@link ReadingsSchema#SCHEMA}. */
final class ReadingWriteSupport extends WriteSupport<Reading> {
  private RecordConsumer out;
  // Device ids and events repeat on every row: reuse their Binary instead of encoding each time.
  private String lastDevice;
  private Binary lastDeviceBinary;
  private String lastEvent;
  private Binary lastEventBinary;

  @Override
  public WriteContext init(Configuration configuration) {
    // Never called on the Pi path; declared by WriteSupport. Must not touch the Hadoop type.
    return init((ParquetConfiguration) null);
  }

  @Override
  public WriteContext init(ParquetConfiguration configuration) {
    return new WriteContext(ReadingsSchema.SCHEMA, Map.of("writer", "p2penergy collector"));
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Reading r) {
    if (!r.deviceId().equals(lastDevice)) {
      lastDevice = r.deviceId();
      lastDeviceBinary = Binary.fromString(lastDevice);
    }
    if (!r.event().equals(lastEvent)) {
      lastEvent = r.event();
      lastEventBinary = Binary.fromString(lastEvent);
    }
    out.startMessage();
    field(0, ReadingsSchema.DEVICE_ID);
    out.addBinary(lastDeviceBinary);
    endField(0, ReadingsSchema.DEVICE_ID);
    field(1, ReadingsSchema.EVENT);
    out.addBinary(lastEventBinary);
    endField(1, ReadingsSchema.EVENT);
    field(2, ReadingsSchema.TS);
    out.addLong(ReadingsSchema.micros(r.ts()));
    endField(2, ReadingsSchema.TS);
    field(3, ReadingsSchema.RECEIVED_AT);
    out.addLong(ReadingsSchema.micros(r.receivedAt()));
    endField(3, ReadingsSchema.RECEIVED_AT);
    field(4, ReadingsSchema.VALUE);
    out.addDouble(r.value());
    endField(4, ReadingsSchema.VALUE);
    out.endMessage();
  }

  private void field(int index, String name) {
    out.startField(name, index);
  }

  private void endField(int index, String name) {
    out.endField(name, index);
  }
}
