package org.p2penergy.reports.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.p2penergy.home.summary.DaySummary;

/**
 * How a home's appliances compare with the community's, for a report: from the last day's summary,
 * the entries of the report's period (a day report the day's, a week report the 7 days', a month
 * report the month's). Only a home analysed with its community has any; a home on its own gets none
 * and its report shows no comparison.
 *
 * @param compared appliances with a comparison, largest kWh first (the report's order)
 * @param waiting appliances of a kind that is compared but that have no comparison: too few homes
 *     take part, or their own data covered too little of the period
 */
public record Comparisons(
    Optional<DaySummary.Community> community, List<Item> compared, List<Waiting> waiting) {

  public static final String KWH = "kwh";
  public static final String DUTY_CYCLE = "duty_cycle";

  /** One appliance's comparison: its daily kWh and, for a fridge, its compressor's duty cycle. */
  public record Item(
      String deviceId,
      String name,
      String kind,
      DaySummary.Peer kwh,
      Optional<DaySummary.Peer> dutyCycle) {}

  /** An appliance without a comparison, and the part of the period its readings cover. */
  public record Waiting(String name, double coverage) {}

  public static Comparisons of(PeriodSummary p) {
    DaySummary last = p.lastDay();
    if (last == null || last.community().isEmpty()) {
      return new Comparisons(Optional.empty(), List.of(), List.of());
    }
    String period = p.period().id();
    List<Item> compared = new ArrayList<>();
    List<Waiting> waiting = new ArrayList<>();
    for (ApplianceTotal a : p.appliances()) {
      if (a.kind().equals("generic")) {
        continue; // never compared: a "generic" in one home has nothing in common with another's
      }
      Optional<DaySummary.Peer> kwh = entry(last, a.deviceId(), KWH, period);
      if (kwh.isPresent()) {
        compared.add(
            new Item(
                a.deviceId(),
                a.name(),
                a.kind(),
                kwh.get(),
                entry(last, a.deviceId(), DUTY_CYCLE, period)));
      } else {
        waiting.add(new Waiting(a.name(), a.coverage()));
      }
    }
    return new Comparisons(last.community(), List.copyOf(compared), List.copyOf(waiting));
  }

  private static Optional<DaySummary.Peer> entry(
      DaySummary day, String device, String metric, String period) {
    return day.peers().stream()
        .filter(e -> e.deviceId().equals(device))
        .filter(e -> e.metric().equals(metric))
        .filter(e -> e.period().equals(period))
        .findFirst();
  }

  public boolean shown() {
    return community.isPresent() && (!compared.isEmpty() || !waiting.isEmpty());
  }

  /**
   * The appliance that differs most from its community's median in kWh, and by how much (0.58 for
   * 58 % more, -0.2 for 20 % less); empty when nothing is compared.
   */
  public Optional<Item> biggestGap() {
    return compared.stream()
        .filter(i -> i.kwh().median() > 0)
        .max(java.util.Comparator.comparingDouble(i -> Math.abs(gap(i))));
  }

  public static double gap(Item i) {
    return i.kwh().value() / i.kwh().median() - 1;
  }
}
