package org.p2penergy.home.summary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One home's local day, {@code reports/H/D/summary.json}: the contract between the analytics job
 * (which writes it) and the reports (which need nothing else, so never Spark). {@link SummaryJson}
 * writes and reads it; docs/ARCHITECTURE.md shows the JSON. Times keep the offset they were written
 * with (local time in the home's zone); energies in kWh, powers in W after the noise floor, money
 * in the home's currency.
 *
 * @param peers how this home's appliances compare with the same kind in the community; empty for a
 *     community of one or a kind with too few homes
 * @param community the community the home was compared in; empty for a home on its own
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
    DataQuality dataQuality,
    List<Peer> peers,
    Optional<Community> community) {

  /** The newest schema: a reader refuses a newer one rather than misread it. */
  public static final int SCHEMA_VERSION = 1;

  public DaySummary {
    appliances = List.copyOf(appliances);
    hourly = List.copyOf(hourly);
    powerCurve = List.copyOf(powerCurve);
    states = List.copyOf(states);
    stateTimeline = List.copyOf(stateTimeline);
    anomalies = List.copyOf(anomalies);
    history = List.copyOf(history);
    peers = List.copyOf(peers);
  }

  /** The day's hours (23 or 25 on DST days). */
  public int hours() {
    return day.hours();
  }

  /**
   * The community of a comparison: its name, how many homes a kind needs to be compared, and the
   * coverage an appliance-day needs to take part ({@code NaN} in a summary written before it was
   * recorded).
   */
  public record Community(String name, int minHomes, double minCoverage)
      implements java.io.Serializable {}

  /** The household; {@code id} is the partition key ({@code home=ID}). */
  public record Home(String id, String name, String timezone, String currency) {}

  public record Window(OffsetDateTime start, OffsetDateTime end, int hours) {}

  public record Totals(
      double kwh, double cost, double standbyKwh, double standbyCost, double coverage) {}

  /** One appliance's day. {@code outOfRange}: readings outside the physical range, not billed. */
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
      double onSeconds,
      long readings,
      double coverage,
      int gaps,
      int cycles,
      long duplicates,
      long outOfRange) {
    /** The name to show: the configured name, else the device id. */
    public String name() {
      return appliance == null || appliance.isBlank() ? deviceId : appliance;
    }
  }

  /** One hour slot; a 25-hour day has two {@code hour = 1} rows, told apart by {@code start}. */
  public record Hourly(OffsetDateTime start, int hour, String deviceId, double kwh, double cost) {}

  /** Mean watts per {@code stepS} from {@code start}; {@code null} where there was no reading. */
  public record PowerCurve(String deviceId, OffsetDateTime start, int stepS, List<Double> meanW) {
    public PowerCurve {
      // List.copyOf refuses nulls, and a null here means "no reading": keep them.
      meanW = Collections.unmodifiableList(new ArrayList<>(meanW));
    }
  }

  public record StateTotal(
      String deviceId, String state, double seconds, double kwh, int entries) {}

  /** A non-idle episode (compressor run, door opening, microwave session at a level). */
  public record StateEpisode(
      String deviceId, String state, OffsetDateTime start, OffsetDateTime end, String detail) {}

  /** Kinds: door_left_open, short_cycling, long_run, high_consumption, data_gap, out_of_range. */
  public record Anomaly(
      String deviceId,
      String appliance,
      String kind,
      OffsetDateTime start,
      OffsetDateTime end,
      String detail) {}

  /** One appliance-day of the 30 days ending with the summary's date. */
  public record HistoryDay(
      LocalDate date, String deviceId, String appliance, double kwh, double cost) {}

  public record Outage(OffsetDateTime start, OffsetDateTime end, String reason) {}

  public record UnreadableFile(String path, String reason) {}

  /** {@code outOfRange}: readings outside the physical range on disk, left out of every figure. */
  public record DataQuality(
      double coverage,
      List<Outage> outages,
      long quarantined,
      Map<String, Long> quarantineReasons,
      long duplicates,
      List<UnreadableFile> unreadable,
      long outOfRange) {
    public DataQuality {
      outages = List.copyOf(outages);
      quarantineReasons = Collections.unmodifiableMap(new TreeMap<>(quarantineReasons));
      unreadable = List.copyOf(unreadable);
    }

    /** The paths of the files left out. */
    public List<String> unreadableFiles() {
      return unreadable.stream().map(UnreadableFile::path).toList();
    }
  }

  /**
   * How one of this home's appliances compares with the community's appliances of its kind over
   * {@code period} (day, week, month) ending with the summary's date: {@code value} is this
   * appliance's figure of {@code metric}, the rest describe the qualifying appliances of the
   * community (this one included) and name none of them. {@code rankPct} is the share of the others
   * with a lower value, in percent.
   */
  public record Peer(
      String deviceId,
      String appliance,
      String kind,
      String metric,
      String period,
      double value,
      long appliances,
      long homes,
      double p20,
      double median,
      double mean,
      double rankPct) {}
}
