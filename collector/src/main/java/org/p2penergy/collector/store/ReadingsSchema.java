package org.p2penergy.collector.store;

import static org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit.MICROS;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.timestampType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT64;

import java.time.Instant;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;

/**
 * The readings Parquet schema (docs/ARCHITECTURE.md). Timestamps are {@code TIMESTAMP(MICROS,
 * isAdjustedToUTC=true)} so Spark reads them as {@code TimestampType}.
 */
public final class ReadingsSchema {
  public static final String DEVICE_ID = "device_id";
  public static final String EVENT = "event";
  public static final String TS = "ts";
  public static final String RECEIVED_AT = "received_at";
  public static final String VALUE = "value";

  public static final MessageType SCHEMA =
      Types.buildMessage()
          .required(BINARY)
          .as(stringType())
          .named(DEVICE_ID)
          .required(BINARY)
          .as(stringType())
          .named(EVENT)
          .required(INT64)
          .as(timestampType(true, MICROS))
          .named(TS)
          .required(INT64)
          .as(timestampType(true, MICROS))
          .named(RECEIVED_AT)
          .required(DOUBLE)
          .named(VALUE)
          .named("reading");

  private ReadingsSchema() {}

  /** Microseconds since the epoch; finer digits are dropped (the column's resolution). */
  public static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
  }

  public static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }
}
