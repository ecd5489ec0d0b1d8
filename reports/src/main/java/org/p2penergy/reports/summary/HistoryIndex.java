package org.p2penergy.reports.summary;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.p2penergy.home.summary.DaySummary;

/**
 * Daily kWh and cost per appliance, merged from the {@code history} of several summaries and from
 * their own days (which win: they are the newest figures). A date is "known" when any summary
 * listed it; unknown dates are left out of comparisons rather than counted as zero.
 */
public final class HistoryIndex {
  private final TreeMap<LocalDate, Map<String, DaySummary.HistoryDay>> byDate = new TreeMap<>();

  public HistoryIndex(Collection<DaySummary> summaries) {
    for (DaySummary summary : summaries) {
      for (DaySummary.HistoryDay h : summary.history()) {
        byDate.computeIfAbsent(h.date(), d -> new HashMap<>()).putIfAbsent(h.deviceId(), h);
      }
    }
    for (DaySummary summary : summaries) {
      Map<String, DaySummary.HistoryDay> own = new HashMap<>();
      for (DaySummary.Appliance a : summary.appliances()) {
        own.put(
            a.deviceId(),
            new DaySummary.HistoryDay(summary.date(), a.deviceId(), a.name(), a.kwh(), a.cost()));
      }
      byDate.put(summary.date(), own);
    }
  }

  /** The appliances' rows for {@code date}, empty when unknown. */
  public Map<String, DaySummary.HistoryDay> on(LocalDate date) {
    return byDate.getOrDefault(date, Map.of());
  }

  public boolean knows(LocalDate date) {
    return byDate.containsKey(date);
  }

  /** The home's kWh on {@code date}, or empty when the date is unknown. */
  public OptionalDouble kwh(LocalDate date) {
    if (!knows(date)) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(on(date).values().stream().mapToDouble(h -> h.kwh()).sum());
  }

  /** The mean daily kWh of the known days in {@code from..to}, or empty when none is known. */
  public OptionalDouble meanKwh(LocalDate from, LocalDate to) {
    return from.datesUntil(to.plusDays(1))
        .filter(this::knows)
        .mapToDouble(d -> kwh(d).orElse(0))
        .average();
  }
}
