package org.p2penergy.reports.summary;

/**
 * One appliance over a report's period. {@code share} is its part of the period's kWh (0..1);
 * {@code peakW} the highest peak of its days; {@code standbyW} the mean always-on power of the days
 * it reported; {@code coverage} the part of the period's hours it has data for (a day with no
 * summary or no readings counts as 0).
 */
public record ApplianceTotal(
    String deviceId,
    String name,
    String kind,
    double kwh,
    double cost,
    double share,
    double peakW,
    double standbyW,
    double standbyKwh,
    double standbyCost,
    double onSeconds,
    int cycles,
    double coverage,
    int days) {}
