package org.p2penergy.analytics.job;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The readings contract (docs/ARCHITECTURE.md) as Spark reads it; paths are in DataLayout. */
public final class ReadingsSchema {
  public static final StructType SCHEMA =
      new StructType()
          .add("device_id", DataTypes.StringType, false)
          .add("event", DataTypes.StringType, false)
          .add("ts", DataTypes.TimestampType, false)
          .add("received_at", DataTypes.TimestampType, true)
          .add("value", DataTypes.DoubleType, true);

  private ReadingsSchema() {}
}
