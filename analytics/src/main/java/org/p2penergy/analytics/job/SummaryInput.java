package org.p2penergy.analytics.job;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.home.summary.DaySummary;

/** Everything that goes into one home-day's summary.json, as the job has it. */
public record SummaryInput(
    LocalDate date,
    Instant generatedAt,
    List<DeviceDayResult> results,
    List<AnomalyRow> anomalies,
    List<HistoryRow> history,
    List<Outage> outages,
    DataQualityFiles.Quarantine quarantine,
    List<InputFiles.Unreadable> unreadable,
    List<PeerRow> peers,
    java.util.Optional<DaySummary.Community> community) {}
