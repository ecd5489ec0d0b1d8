package org.p2penergy.analytics.job;

import java.io.Serializable;

/** An earlier appliance-day of a home, read back from the daily table for history. */
record HomeHistory(String home, HistoryRow row) implements Serializable {}
