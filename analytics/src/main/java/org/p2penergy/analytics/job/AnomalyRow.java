package org.p2penergy.analytics.job;

import java.time.LocalDate;
import org.p2penergy.analytics.energy.Finding;

/** One anomaly as written: the local date it belongs to, the device (empty for the collector). */
public record AnomalyRow(LocalDate date, String deviceId, String appliance, Finding finding) {
  public static final String COLLECTOR = "collector";
}
