package org.p2penergy.reports.summary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One local day's {@code reports/D/summary.json} (docs/ARCHITECTURE.md), as written by the
 * analytics job. Everything a report needs, so that the reports module never loads Spark. Missing
 * lists read as empty; keys added later by analytics are ignored.
 */
public record DaySummary(
    int schemaVersion,
    LocalDate date,
    OffsetDateTime generatedAt,
    Home home,
    Window day,
    Totals totals,
    List<Appliance> appliances,
    List<Hourly> hourly,
    List<PowerCurve> powerCurve,
    List<StateTotal> states,
    List<StateEpisode> stateTimeline,
    List<Anomaly> anomalies,
    List<HistoryDay> history,
    DataQuality dataQuality) {

  /** The newest schema this reader understands. */
  public static final int SCHEMA_VERSION = 1;

  public DaySummary {
    home = home == null ? new Home("", "UTC", "") : home;
    totals = totals == null ? new Totals(0, 0, 0, 0, 0) : totals;
    appliances = list(appliances);
    hourly = list(hourly);
    powerCurve = list(powerCurve);
    states = list(states);
    stateTimeline = list(stateTimeline);
    anomalies = list(anomalies);
    history = list(history);
    dataQuality = dataQuality == null ? DataQuality.EMPTY : dataQuality;
  }

  /** The day's hours (23 or 25 on DST days), 24 when the file does not say. */
  public int hours() {
    return day == null || day.hours() <= 0 ? 24 : day.hours();
  }

  public record Home(String name, String timezone, String currency) {
    public Home {
      name = name == null ? "" : name;
      timezone = timezone == null ? "UTC" : timezone;
      currency = currency == null ? "" : currency;
    }
  }

  public record Window(OffsetDateTime start, OffsetDateTime end, int hours) {}

  public record Totals(
      double kwh, double cost, double standbyKwh, double standbyCost, double coverage) {}

  public record Appliance(
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
      long onSeconds,
      long readings,
      double coverage,
      int gaps,
      int cycles) {
    /** The name to show: the configured name, else the device id. */
    public String name() {
      return appliance == null || appliance.isBlank() ? deviceId : appliance;
    }
  }

  public record Hourly(OffsetDateTime start, int hour, String deviceId, double kwh, double cost) {}

  /** Mean watts per {@code stepS} from {@code start}; {@code null} where there was no reading. */
  public record PowerCurve(String deviceId, OffsetDateTime start, int stepS, List<Double> meanW) {
    public PowerCurve {
      // List.copyOf refuses nulls, and a null here means "no reading": keep them.
      meanW = meanW == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(meanW));
      stepS = stepS <= 0 ? 60 : stepS;
    }
  }

  public record StateTotal(String deviceId, String state, long seconds, double kwh, int entries) {}

  public record StateEpisode(
      String deviceId, String state, OffsetDateTime start, OffsetDateTime end, String detail) {
    public StateEpisode {
      detail = detail == null ? "" : detail;
    }
  }

  public record Anomaly(
      String deviceId,
      String appliance,
      String kind,
      OffsetDateTime start,
      OffsetDateTime end,
      String detail) {
    public Anomaly {
      detail = detail == null ? "" : detail;
    }
  }

  public record HistoryDay(
      LocalDate date, String deviceId, String appliance, double kwh, double cost) {}

  public record Outage(OffsetDateTime start, OffsetDateTime end, String reason) {}

  public record DataQuality(
      double coverage,
      List<Outage> outages,
      long quarantined,
      Map<String, Long> quarantineReasons,
      long duplicates,
      List<String> unreadableFiles) {
    static final DataQuality EMPTY = new DataQuality(0, List.of(), 0, Map.of(), 0, List.of());

    public DataQuality {
      outages = list(outages);
      quarantineReasons = quarantineReasons == null ? Map.of() : Map.copyOf(quarantineReasons);
      unreadableFiles = list(unreadableFiles);
    }
  }

  private static <T> List<T> list(List<T> items) {
    return items == null ? List.of() : List.copyOf(items);
  }
}
