package org.p2penergy.analytics.energy;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything computed for one device on one local day. Energies in kWh, powers in W (after the
 * noise floor), {@code hourlyKwh}/{@code hourlyCost} per hour slot of the day's {@link DayGrid},
 * {@code curveW} one time-weighted mean per minute (NaN where nothing was covered), {@code
 * outOfRange} the readings outside the physical range that were left out.
 */
public record DeviceDayResult(
    LocalDate date,
    String deviceId,
    String appliance,
    String kind,
    double kwh,
    double cost,
    double peakW,
    double meanW,
    double standbyW,
    double standbyKwh,
    double standbyCost,
    double onSeconds,
    long readings,
    double coverage,
    int gaps,
    int cycles,
    long duplicates,
    long outOfRange,
    double[] hourlyKwh,
    double[] hourlyCost,
    List<StateTotal> states,
    List<Episode> timeline,
    List<Finding> findings,
    double[] curveW)
    implements Serializable {}
