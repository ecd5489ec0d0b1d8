package org.p2penergy.analytics.job;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.p2penergy.analytics.energy.DayGrid;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.analytics.energy.Episode;
import org.p2penergy.analytics.energy.StateTotal;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.summary.DaySummary;

/**
 * Turns the job's results for one home-day into the {@code summary.json} contract ({@link
 * DaySummary}, written by {@code home.summary.SummaryJson}).
 */
public final class SummaryBuilder {
  private final HomeConfig config;
  private final ZoneId zone;

  public SummaryBuilder(HomeConfig config) {
    this.config = config;
    this.zone = config.home().timezone();
  }

  public DaySummary build(SummaryInput s) {
    DayGrid grid = DayGrid.of(s.date(), zone, config.tariff());
    List<DeviceDayResult> results =
        s.results().stream().sorted(Comparator.comparing(DeviceDayResult::deviceId)).toList();
    double coverage = results.stream().mapToDouble(DeviceDayResult::coverage).average().orElse(0);
    List<DaySummary.Appliance> appliances = new ArrayList<>();
    List<DaySummary.Hourly> hourly = new ArrayList<>();
    List<DaySummary.PowerCurve> curves = new ArrayList<>();
    List<DaySummary.StateTotal> states = new ArrayList<>();
    List<DaySummary.StateEpisode> timeline = new ArrayList<>();
    List<Episode> episodes = new ArrayList<>();
    List<String> episodeDevices = new ArrayList<>();
    for (DeviceDayResult r : results) {
      appliances.add(appliance(r));
      for (int h = 0; h < grid.hours(); h++) {
        hourly.add(
            new DaySummary.Hourly(
                grid.hourStart(h).toOffsetDateTime(),
                grid.hourStart(h).getHour(),
                r.deviceId(),
                r.hourlyKwh()[h],
                r.hourlyCost()[h]));
      }
      curves.add(
          new DaySummary.PowerCurve(r.deviceId(), local(grid.startUs()), 60, rounded(r.curveW())));
      for (StateTotal t : r.states()) {
        states.add(
            new DaySummary.StateTotal(r.deviceId(), t.state(), t.seconds(), t.kwh(), t.entries()));
      }
      for (Episode e : r.timeline()) {
        episodes.add(e);
        episodeDevices.add(r.deviceId());
      }
    }
    Integer[] order = new Integer[episodes.size()];
    for (int i = 0; i < order.length; i++) order[i] = i;
    java.util.Arrays.sort(order, Comparator.comparingLong(i -> episodes.get(i).startUs()));
    for (int i : order) {
      Episode e = episodes.get(i);
      timeline.add(
          new DaySummary.StateEpisode(
              episodeDevices.get(i), e.state(), local(e.startUs()), local(e.endUs()), e.detail()));
    }
    List<DaySummary.Anomaly> anomalies = new ArrayList<>();
    for (AnomalyRow a : s.anomalies()) {
      anomalies.add(
          new DaySummary.Anomaly(
              a.deviceId(),
              a.appliance(),
              a.finding().kind(),
              local(a.finding().startUs()),
              local(a.finding().endUs()),
              a.finding().detail()));
    }
    List<DaySummary.HistoryDay> history = new ArrayList<>();
    for (HistoryRow h : s.history()) {
      history.add(
          new DaySummary.HistoryDay(h.date(), h.deviceId(), h.appliance(), h.kwh(), h.cost()));
    }
    return new DaySummary(
        DaySummary.SCHEMA_VERSION,
        s.date(),
        OffsetDateTime.ofInstant(s.generatedAt(), ZoneOffset.UTC),
        new DaySummary.Home(
            config.home().id(), config.home().name(), zone.getId(), config.home().currency()),
        new DaySummary.Window(local(grid.startUs()), local(grid.endUs()), grid.hours()),
        new DaySummary.Totals(
            results.stream().mapToDouble(DeviceDayResult::kwh).sum(),
            results.stream().mapToDouble(DeviceDayResult::cost).sum(),
            results.stream().mapToDouble(DeviceDayResult::standbyKwh).sum(),
            results.stream().mapToDouble(DeviceDayResult::standbyCost).sum(),
            coverage),
        appliances,
        hourly,
        curves,
        states,
        timeline,
        anomalies,
        history,
        dataQuality(s, coverage, results),
        s.peers().stream().map(this::peer).toList(),
        s.community());
  }

  /** One of the home's own appliances against its kind; the name is the home's own. */
  private DaySummary.Peer peer(PeerRow p) {
    return new DaySummary.Peer(
        p.deviceId(),
        config.applianceFor(p.deviceId()).name(),
        p.kind(),
        p.metric(),
        p.period(),
        p.value(),
        p.appliances(),
        p.homes(),
        p.p20(),
        p.median(),
        p.mean(),
        p.rankPct());
  }

  private static DaySummary.Appliance appliance(DeviceDayResult r) {
    return new DaySummary.Appliance(
        r.deviceId(),
        r.appliance(),
        r.kind(),
        r.kwh(),
        r.cost(),
        r.peakW(),
        r.meanW(),
        r.standbyW(),
        r.standbyKwh(),
        r.standbyCost(),
        r.onSeconds(),
        r.readings(),
        r.coverage(),
        r.gaps(),
        r.cycles(),
        r.duplicates(),
        r.outOfRange());
  }

  private static DaySummary.DataQuality dataQuality(
      SummaryInput s, double coverage, List<DeviceDayResult> results) {
    List<DaySummary.Outage> outages = new ArrayList<>();
    for (Outage o : s.outages()) {
      outages.add(
          new DaySummary.Outage(
              OffsetDateTime.ofInstant(o.start(), ZoneOffset.UTC),
              OffsetDateTime.ofInstant(o.end(), ZoneOffset.UTC),
              o.reason()));
    }
    return new DaySummary.DataQuality(
        coverage,
        outages,
        s.quarantine().total(),
        s.quarantine().reasons(),
        results.stream().mapToLong(DeviceDayResult::duplicates).sum(),
        s.unreadable().stream()
            .map(u -> new DaySummary.UnreadableFile(u.path(), u.reason()))
            .toList(),
        results.stream().mapToLong(DeviceDayResult::outOfRange).sum());
  }

  /** Per-minute means to the milliwatt; null where the minute had no reading. */
  private static List<Double> rounded(double[] curve) {
    List<Double> out = new ArrayList<>(curve.length);
    for (double w : curve) {
      out.add(Double.isNaN(w) ? null : Math.round(w * 1000) / 1000.0);
    }
    return out;
  }

  private OffsetDateTime local(long micros) {
    return OutputTables.instant(micros).atZone(zone).toOffsetDateTime();
  }

  static OffsetDateTime local(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime();
  }
}
