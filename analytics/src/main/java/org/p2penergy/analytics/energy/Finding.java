package org.p2penergy.analytics.energy;

import java.io.Serializable;

/** An anomaly: its kind (door_left_open, short_cycling, long_run, high_consumption, data_gap). */
public record Finding(String kind, long startUs, long endUs, String detail)
    implements Serializable {
  public static final String DOOR_LEFT_OPEN = "door_left_open";
  public static final String SHORT_CYCLING = "short_cycling";
  public static final String LONG_RUN = "long_run";
  public static final String HIGH_CONSUMPTION = "high_consumption";
  public static final String DATA_GAP = "data_gap";
  public static final String OUT_OF_RANGE = "out_of_range";
}
