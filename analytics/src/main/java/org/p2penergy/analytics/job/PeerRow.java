package org.p2penergy.analytics.job;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One of a home's appliances against the community's appliances of its kind, for one metric and
 * period ending {@code date}; everything but {@code deviceId} and {@code value} describes the
 * group, which names no one.
 */
record PeerRow(
    LocalDate date,
    String deviceId,
    String kind,
    String metric,
    String period,
    double value,
    long appliances,
    long homes,
    double p20,
    double median,
    double mean,
    double rankPct)
    implements Serializable {}
