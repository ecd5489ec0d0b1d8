package org.p2penergy.analytics.job;

import java.time.LocalDate;

/** One appliance-day of the daily output, as read back for history and the high-day rule. */
public record HistoryRow(LocalDate date, String deviceId, String appliance, double kwh, double cost)
    implements java.io.Serializable {}
