package org.p2penergy.analytics.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.p2penergy.analytics.energy.DayGrid;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.analytics.energy.Episode;
import org.p2penergy.analytics.energy.StateTotal;
import org.p2penergy.home.config.HomeConfig;

/**
 * {@code reports/D/summary.json}: the contract with the reports module (docs/ARCHITECTURE.md).
 * Fields may be added; none may be renamed or dropped without changing the reports too.
 */
public final class SummaryJson {
  public static final int SCHEMA_VERSION = 1;
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final HomeConfig config;
  private final ZoneId zone;

  public SummaryJson(HomeConfig config) {
    this.config = config;
    this.zone = config.home().timezone();
  }

  public String render(DaySummary s) {
    DayGrid grid = DayGrid.of(s.date(), zone, config.tariff());
    List<DeviceDayResult> results =
        s.results().stream().sorted(Comparator.comparing(DeviceDayResult::deviceId)).toList();
    ObjectNode root = JSON.createObjectNode();
    root.put("schema_version", SCHEMA_VERSION);
    root.put("date", s.date().toString());
    root.put("generated_at", s.generatedAt().toString());
    ObjectNode home = root.putObject("home");
    home.put("name", config.home().name());
    home.put("timezone", zone.getId());
    home.put("currency", config.home().currency());
    ObjectNode day = root.putObject("day");
    day.put("start", local(grid.startUs()));
    day.put("end", local(grid.endUs()));
    day.put("hours", grid.hours());
    double coverage = results.stream().mapToDouble(DeviceDayResult::coverage).average().orElse(0);
    ObjectNode totals = root.putObject("totals");
    totals.put("kwh", results.stream().mapToDouble(DeviceDayResult::kwh).sum());
    totals.put("cost", results.stream().mapToDouble(DeviceDayResult::cost).sum());
    totals.put("standby_kwh", results.stream().mapToDouble(DeviceDayResult::standbyKwh).sum());
    totals.put("standby_cost", results.stream().mapToDouble(DeviceDayResult::standbyCost).sum());
    totals.put("coverage", coverage);
    appliances(root.putArray("appliances"), results);
    hourly(root.putArray("hourly"), results, grid);
    curves(root.putArray("power_curve"), results, grid);
    ArrayNode states = root.putArray("states");
    ArrayNode timeline = root.putArray("state_timeline");
    for (DeviceDayResult r : results) {
      for (StateTotal t : r.states()) {
        ObjectNode n = states.addObject();
        n.put("device_id", r.deviceId());
        n.put("state", t.state());
        n.put("seconds", t.seconds());
        n.put("kwh", t.kwh());
        n.put("entries", t.entries());
      }
    }
    results.stream()
        .flatMap(r -> r.timeline().stream().map(e -> new Object[] {r.deviceId(), e}))
        .sorted(Comparator.comparingLong(o -> ((Episode) o[1]).startUs()))
        .forEach(
            o -> {
              Episode e = (Episode) o[1];
              ObjectNode n = timeline.addObject();
              n.put("device_id", (String) o[0]);
              n.put("state", e.state());
              n.put("start", local(e.startUs()));
              n.put("end", local(e.endUs()));
              n.put("detail", e.detail());
            });
    ArrayNode anomalies = root.putArray("anomalies");
    for (AnomalyRow a : s.anomalies()) {
      ObjectNode n = anomalies.addObject();
      n.put("device_id", a.deviceId());
      n.put("appliance", a.appliance());
      n.put("kind", a.finding().kind());
      n.put("start", local(a.finding().startUs()));
      n.put("end", local(a.finding().endUs()));
      n.put("detail", a.finding().detail());
    }
    ArrayNode history = root.putArray("history");
    for (HistoryRow h : s.history()) {
      ObjectNode n = history.addObject();
      n.put("date", h.date().toString());
      n.put("device_id", h.deviceId());
      n.put("appliance", h.appliance());
      n.put("kwh", h.kwh());
      n.put("cost", h.cost());
    }
    dataQuality(root.putObject("data_quality"), s, coverage, results);
    try {
      return JSON.writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private void appliances(ArrayNode out, List<DeviceDayResult> results) {
    for (DeviceDayResult r : results) {
      ObjectNode n = out.addObject();
      n.put("device_id", r.deviceId());
      n.put("appliance", r.appliance());
      n.put("kind", r.kind());
      n.put("kwh", r.kwh());
      n.put("cost", r.cost());
      n.put("peak_w", r.peakW());
      n.put("mean_w", r.meanW());
      n.put("standby_w", r.standbyW());
      n.put("standby_kwh", r.standbyKwh());
      n.put("standby_cost", r.standbyCost());
      n.put("on_seconds", r.onSeconds());
      n.put("readings", r.readings());
      n.put("coverage", r.coverage());
      n.put("gaps", r.gaps());
      n.put("cycles", r.cycles());
      n.put("duplicates", r.duplicates());
    }
  }

  private void hourly(ArrayNode out, List<DeviceDayResult> results, DayGrid grid) {
    for (DeviceDayResult r : results) {
      for (int h = 0; h < grid.hours(); h++) {
        ObjectNode n = out.addObject();
        n.put("start", grid.hourStart(h).toOffsetDateTime().toString());
        n.put("hour", grid.hourStart(h).getHour());
        n.put("device_id", r.deviceId());
        n.put("kwh", r.hourlyKwh()[h]);
        n.put("cost", r.hourlyCost()[h]);
      }
    }
  }

  private void curves(ArrayNode out, List<DeviceDayResult> results, DayGrid grid) {
    for (DeviceDayResult r : results) {
      ObjectNode n = out.addObject();
      n.put("device_id", r.deviceId());
      n.put("start", local(grid.startUs()));
      n.put("step_s", 60);
      ArrayNode values = n.putArray("mean_w");
      for (double w : r.curveW()) {
        if (Double.isNaN(w)) {
          values.addNull();
        } else {
          values.add(Math.round(w * 1000) / 1000.0);
        }
      }
    }
  }

  private void dataQuality(
      ObjectNode out, DaySummary s, double coverage, List<DeviceDayResult> results) {
    out.put("coverage", coverage);
    ArrayNode outages = out.putArray("outages");
    for (Outage o : s.outages()) {
      ObjectNode n = outages.addObject();
      n.put("start", o.start().toString());
      n.put("end", o.end().toString());
      n.put("reason", o.reason());
    }
    out.put("quarantined", s.quarantine().total());
    ObjectNode reasons = out.putObject("quarantine_reasons");
    s.quarantine().reasons().forEach(reasons::put);
    out.put("duplicates", results.stream().mapToLong(DeviceDayResult::duplicates).sum());
    ArrayNode unreadable = out.putArray("unreadable_files");
    for (InputFiles.Unreadable u : s.unreadable()) {
      unreadable.add(u.path());
    }
    ArrayNode reasonsByFile = out.putArray("unreadable_reasons");
    for (InputFiles.Unreadable u : s.unreadable()) {
      reasonsByFile.addObject().put("path", u.path()).put("reason", u.reason());
    }
  }

  private String local(long micros) {
    return OutputTables.instant(micros).atZone(zone).toOffsetDateTime().toString();
  }

  static String local(Instant instant, ZoneId zone) {
    return instant.atZone(zone).toOffsetDateTime().toString();
  }
}
