package org.p2penergy.home.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.p2penergy.home.summary.DaySummary.Anomaly;
import org.p2penergy.home.summary.DaySummary.Appliance;
import org.p2penergy.home.summary.DaySummary.DataQuality;
import org.p2penergy.home.summary.DaySummary.HistoryDay;
import org.p2penergy.home.summary.DaySummary.Home;
import org.p2penergy.home.summary.DaySummary.Hourly;
import org.p2penergy.home.summary.DaySummary.Outage;
import org.p2penergy.home.summary.DaySummary.Peer;
import org.p2penergy.home.summary.DaySummary.PowerCurve;
import org.p2penergy.home.summary.DaySummary.StateEpisode;
import org.p2penergy.home.summary.DaySummary.StateTotal;
import org.p2penergy.home.summary.DaySummary.Totals;
import org.p2penergy.home.summary.DaySummary.UnreadableFile;
import org.p2penergy.home.summary.DaySummary.Window;

/**
 * {@code summary.json} both ways, on one set of key names: {@link #write} is what analytics writes,
 * {@link #read} what the reports read. Every field of the contract is required when read (a renamed
 * or missing field is an error that names it, never a 0); only the fields added after schema 1 was
 * first written ({@code home.id}, {@code duplicates}, {@code out_of_range}, {@code
 * unreadable_reasons}, {@code peers}, {@code community}) may be absent. A newer {@code
 * schema_version} is refused.
 */
public final class SummaryJson {
  static final String SCHEMA_VERSION = "schema_version";
  static final String DATE = "date";
  static final String GENERATED_AT = "generated_at";
  static final String HOME = "home";
  static final String ID = "id";
  static final String NAME = "name";
  static final String TIMEZONE = "timezone";
  static final String CURRENCY = "currency";
  static final String DAY = "day";
  static final String START = "start";
  static final String END = "end";
  static final String HOURS = "hours";
  static final String TOTALS = "totals";
  static final String KWH = "kwh";
  static final String COST = "cost";
  static final String STANDBY_KWH = "standby_kwh";
  static final String STANDBY_COST = "standby_cost";
  static final String COVERAGE = "coverage";
  static final String APPLIANCES = "appliances";
  static final String DEVICE_ID = "device_id";
  static final String APPLIANCE = "appliance";
  static final String KIND = "kind";
  static final String PEAK_W = "peak_w";
  static final String MEAN_W = "mean_w";
  static final String STANDBY_W = "standby_w";
  static final String ON_SECONDS = "on_seconds";
  static final String READINGS = "readings";
  static final String GAPS = "gaps";
  static final String CYCLES = "cycles";
  static final String DUPLICATES = "duplicates";
  static final String OUT_OF_RANGE = "out_of_range";
  static final String HOURLY = "hourly";
  static final String HOUR = "hour";
  static final String POWER_CURVE = "power_curve";
  static final String STEP_S = "step_s";
  static final String STATES = "states";
  static final String STATE = "state";
  static final String SECONDS = "seconds";
  static final String ENTRIES = "entries";
  static final String STATE_TIMELINE = "state_timeline";
  static final String DETAIL = "detail";
  static final String ANOMALIES = "anomalies";
  static final String HISTORY = "history";
  static final String DATA_QUALITY = "data_quality";
  static final String OUTAGES = "outages";
  static final String REASON = "reason";
  static final String QUARANTINED = "quarantined";
  static final String QUARANTINE_REASONS = "quarantine_reasons";
  static final String UNREADABLE_FILES = "unreadable_files";
  static final String UNREADABLE_REASONS = "unreadable_reasons";
  static final String PATH = "path";
  static final String PEERS = "peers";
  static final String METRIC = "metric";
  static final String PERIOD = "period";
  static final String VALUE = "value";
  static final String HOMES = "homes";
  static final String P20 = "p20";
  static final String MEDIAN = "median";
  static final String MEAN = "mean";
  static final String RANK_PCT = "rank_pct";
  static final String COMMUNITY = "community";
  static final String MIN_HOMES = "min_homes";
  static final String MIN_COVERAGE = "min_coverage";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SummaryJson() {}

  public static String write(DaySummary s) {
    ObjectNode root = JSON.createObjectNode();
    root.put(SCHEMA_VERSION, s.schemaVersion());
    root.put(DATE, s.date().toString());
    root.put(GENERATED_AT, time(s.generatedAt()));
    ObjectNode home = root.putObject(HOME);
    home.put(ID, s.home().id());
    home.put(NAME, s.home().name());
    home.put(TIMEZONE, s.home().timezone());
    home.put(CURRENCY, s.home().currency());
    ObjectNode day = root.putObject(DAY);
    day.put(START, time(s.day().start()));
    day.put(END, time(s.day().end()));
    day.put(HOURS, s.day().hours());
    ObjectNode totals = root.putObject(TOTALS);
    totals.put(KWH, s.totals().kwh());
    totals.put(COST, s.totals().cost());
    totals.put(STANDBY_KWH, s.totals().standbyKwh());
    totals.put(STANDBY_COST, s.totals().standbyCost());
    totals.put(COVERAGE, s.totals().coverage());
    ArrayNode appliances = root.putArray(APPLIANCES);
    for (Appliance a : s.appliances()) {
      ObjectNode n = appliances.addObject();
      n.put(DEVICE_ID, a.deviceId());
      n.put(APPLIANCE, a.appliance());
      n.put(KIND, a.kind());
      n.put(KWH, a.kwh());
      n.put(COST, a.cost());
      n.put(PEAK_W, a.peakW());
      n.put(MEAN_W, a.meanW());
      n.put(STANDBY_W, a.standbyW());
      n.put(STANDBY_KWH, a.standbyKwh());
      n.put(STANDBY_COST, a.standbyCost());
      n.put(ON_SECONDS, a.onSeconds());
      n.put(READINGS, a.readings());
      n.put(COVERAGE, a.coverage());
      n.put(GAPS, a.gaps());
      n.put(CYCLES, a.cycles());
      n.put(DUPLICATES, a.duplicates());
      n.put(OUT_OF_RANGE, a.outOfRange());
    }
    ArrayNode hourly = root.putArray(HOURLY);
    for (Hourly h : s.hourly()) {
      ObjectNode n = hourly.addObject();
      n.put(START, time(h.start()));
      n.put(HOUR, h.hour());
      n.put(DEVICE_ID, h.deviceId());
      n.put(KWH, h.kwh());
      n.put(COST, h.cost());
    }
    ArrayNode curves = root.putArray(POWER_CURVE);
    for (PowerCurve c : s.powerCurve()) {
      ObjectNode n = curves.addObject();
      n.put(DEVICE_ID, c.deviceId());
      n.put(START, time(c.start()));
      n.put(STEP_S, c.stepS());
      ArrayNode values = n.putArray(MEAN_W);
      for (Double w : c.meanW()) {
        if (w == null) values.addNull();
        else values.add(w);
      }
    }
    ArrayNode states = root.putArray(STATES);
    for (StateTotal t : s.states()) {
      ObjectNode n = states.addObject();
      n.put(DEVICE_ID, t.deviceId());
      n.put(STATE, t.state());
      n.put(SECONDS, t.seconds());
      n.put(KWH, t.kwh());
      n.put(ENTRIES, t.entries());
    }
    ArrayNode timeline = root.putArray(STATE_TIMELINE);
    for (StateEpisode e : s.stateTimeline()) {
      ObjectNode n = timeline.addObject();
      n.put(DEVICE_ID, e.deviceId());
      n.put(STATE, e.state());
      n.put(START, time(e.start()));
      n.put(END, time(e.end()));
      n.put(DETAIL, e.detail());
    }
    ArrayNode anomalies = root.putArray(ANOMALIES);
    for (Anomaly a : s.anomalies()) {
      ObjectNode n = anomalies.addObject();
      n.put(DEVICE_ID, a.deviceId());
      n.put(APPLIANCE, a.appliance());
      n.put(KIND, a.kind());
      n.put(START, time(a.start()));
      n.put(END, time(a.end()));
      n.put(DETAIL, a.detail());
    }
    ArrayNode history = root.putArray(HISTORY);
    for (HistoryDay h : s.history()) {
      ObjectNode n = history.addObject();
      n.put(DATE, h.date().toString());
      n.put(DEVICE_ID, h.deviceId());
      n.put(APPLIANCE, h.appliance());
      n.put(KWH, h.kwh());
      n.put(COST, h.cost());
    }
    writeDataQuality(root.putObject(DATA_QUALITY), s.dataQuality());
    ArrayNode peers = root.putArray(PEERS);
    for (Peer p : s.peers()) {
      ObjectNode n = peers.addObject();
      n.put(DEVICE_ID, p.deviceId());
      n.put(APPLIANCE, p.appliance());
      n.put(KIND, p.kind());
      n.put(METRIC, p.metric());
      n.put(PERIOD, p.period());
      n.put(VALUE, p.value());
      n.put(APPLIANCES, p.appliances());
      n.put(HOMES, p.homes());
      n.put(P20, p.p20());
      n.put(MEDIAN, p.median());
      n.put(MEAN, p.mean());
      n.put(RANK_PCT, p.rankPct());
    }
    s.community()
        .ifPresent(
            c -> {
              ObjectNode community =
                  root.putObject(COMMUNITY).put(NAME, c.name()).put(MIN_HOMES, c.minHomes());
              if (!Double.isNaN(c.minCoverage())) {
                community.put(MIN_COVERAGE, c.minCoverage());
              }
            });
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a summary", e);
    }
  }

  /** Always with seconds ({@code 2026-11-27T00:00:00-05:00}): one shape for every reader. */
  private static String time(java.time.OffsetDateTime t) {
    return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t);
  }

  private static void writeDataQuality(ObjectNode out, DataQuality q) {
    out.put(COVERAGE, q.coverage());
    ArrayNode outages = out.putArray(OUTAGES);
    for (Outage o : q.outages()) {
      ObjectNode n = outages.addObject();
      n.put(START, time(o.start()));
      n.put(END, time(o.end()));
      n.put(REASON, o.reason());
    }
    out.put(QUARANTINED, q.quarantined());
    ObjectNode reasons = out.putObject(QUARANTINE_REASONS);
    q.quarantineReasons().forEach(reasons::put);
    out.put(DUPLICATES, q.duplicates());
    out.put(OUT_OF_RANGE, q.outOfRange());
    ArrayNode files = out.putArray(UNREADABLE_FILES);
    ArrayNode why = out.putArray(UNREADABLE_REASONS);
    for (UnreadableFile u : q.unreadable()) {
      files.add(u.path());
      why.addObject().put(PATH, u.path()).put(REASON, u.reason());
    }
  }

  /**
   * @throws SummaryFormatException naming the first missing or mistyped key
   */
  public static DaySummary read(String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      String m = String.valueOf(e.getOriginalMessage());
      throw new SummaryFormatException("not JSON (" + m.lines().findFirst().orElse(m) + ")");
    }
    if (root == null || !root.isObject()) {
      throw new SummaryFormatException("expected a JSON object");
    }
    JsonFields f = new JsonFields(root, "");
    int version = f.integer(SCHEMA_VERSION);
    if (version > DaySummary.SCHEMA_VERSION) {
      throw new SummaryFormatException(
          "schema_version "
              + version
              + " is newer than this version reads ("
              + DaySummary.SCHEMA_VERSION
              + "): update P2P Energy");
    }
    JsonFields home = f.object(HOME);
    JsonFields day = f.object(DAY);
    JsonFields totals = f.object(TOTALS);
    return new DaySummary(
        version,
        f.date(DATE),
        f.time(GENERATED_AT),
        new Home(home.text(ID, ""), home.text(NAME), home.text(TIMEZONE), home.text(CURRENCY)),
        new Window(day.time(START), day.time(END), day.integer(HOURS)),
        new Totals(
            totals.number(KWH),
            totals.number(COST),
            totals.number(STANDBY_KWH),
            totals.number(STANDBY_COST),
            totals.number(COVERAGE)),
        f.list(APPLIANCES, SummaryJson::appliance),
        f.list(
            HOURLY,
            n ->
                new Hourly(
                    n.time(START),
                    n.integer(HOUR),
                    n.text(DEVICE_ID),
                    n.number(KWH),
                    n.number(COST))),
        f.list(
            POWER_CURVE,
            n ->
                new PowerCurve(
                    n.text(DEVICE_ID), n.time(START), n.integer(STEP_S), n.numbersOrNulls(MEAN_W))),
        f.list(
            STATES,
            n ->
                new StateTotal(
                    n.text(DEVICE_ID),
                    n.text(STATE),
                    n.number(SECONDS),
                    n.number(KWH),
                    n.integer(ENTRIES))),
        f.list(
            STATE_TIMELINE,
            n ->
                new StateEpisode(
                    n.text(DEVICE_ID), n.text(STATE), n.time(START), n.time(END), n.text(DETAIL))),
        f.list(
            ANOMALIES,
            n ->
                new Anomaly(
                    n.text(DEVICE_ID),
                    n.text(APPLIANCE),
                    n.text(KIND),
                    n.time(START),
                    n.time(END),
                    n.text(DETAIL))),
        f.list(
            HISTORY,
            n ->
                new HistoryDay(
                    n.date(DATE),
                    n.text(DEVICE_ID),
                    n.text(APPLIANCE),
                    n.number(KWH),
                    n.number(COST))),
        dataQuality(f.object(DATA_QUALITY)),
        f.optionalList(PEERS, SummaryJson::peer),
        f.has(COMMUNITY) ? Optional.of(community(f.object(COMMUNITY))) : Optional.empty());
  }

  private static DaySummary.Community community(JsonFields c) {
    return new DaySummary.Community(
        c.text(NAME),
        c.integer(MIN_HOMES),
        c.has(MIN_COVERAGE) ? c.number(MIN_COVERAGE) : Double.NaN);
  }

  private static Appliance appliance(JsonFields n) {
    return new Appliance(
        n.text(DEVICE_ID),
        n.text(APPLIANCE),
        n.text(KIND),
        n.number(KWH),
        n.number(COST),
        n.number(PEAK_W),
        n.number(MEAN_W),
        n.number(STANDBY_W),
        n.number(STANDBY_KWH),
        n.number(STANDBY_COST),
        n.number(ON_SECONDS),
        n.whole(READINGS),
        n.number(COVERAGE),
        n.integer(GAPS),
        n.integer(CYCLES),
        n.whole(DUPLICATES, 0),
        n.whole(OUT_OF_RANGE, 0));
  }

  private static DataQuality dataQuality(JsonFields q) {
    List<UnreadableFile> unreadable =
        q.has(UNREADABLE_REASONS)
            ? q.list(UNREADABLE_REASONS, n -> new UnreadableFile(n.text(PATH), n.text(REASON)))
            : q.texts(UNREADABLE_FILES).stream().map(p -> new UnreadableFile(p, "")).toList();
    return new DataQuality(
        q.number(COVERAGE),
        q.list(OUTAGES, n -> new Outage(n.time(START), n.time(END), n.text(REASON))),
        q.whole(QUARANTINED),
        q.counts(QUARANTINE_REASONS),
        q.whole(DUPLICATES),
        unreadable,
        q.whole(OUT_OF_RANGE, 0));
  }

  private static Peer peer(JsonFields n) {
    return new Peer(
        n.text(DEVICE_ID),
        n.text(APPLIANCE),
        n.text(KIND),
        n.text(METRIC),
        n.text(PERIOD, "day"),
        n.number(VALUE),
        n.whole(APPLIANCES),
        n.whole(HOMES),
        n.number(P20),
        n.number(MEDIAN),
        n.number(MEAN),
        n.number(RANK_PCT));
  }
}
