package org.p2penergy.analytics.energy;

import java.io.Serializable;

/** A stretch of time in one state (micros since the epoch, end exclusive), clipped to the day. */
public record Episode(String state, long startUs, long endUs, String detail)
    implements Serializable {
  public double seconds() {
    return (endUs - startUs) / 1e6;
  }
}
