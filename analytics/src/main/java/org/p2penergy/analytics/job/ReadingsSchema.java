package org.p2penergy.analytics.job;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The readings contract (docs/ARCHITECTURE.md), and where the layout puts things. */
public final class ReadingsSchema {
  public static final StructType SCHEMA =
      new StructType()
          .add("device_id", DataTypes.StringType, false)
          .add("event", DataTypes.StringType, false)
          .add("ts", DataTypes.TimestampType, false)
          .add("received_at", DataTypes.TimestampType, true)
          .add("value", DataTypes.DoubleType, true);

  public static final String READINGS = "readings";
  public static final String ANALYTICS = "analytics";
  public static final String REPORTS = "reports";
  public static final String OUTAGES = "outages";
  public static final String QUARANTINE = "quarantine";

  private ReadingsSchema() {}
}
