package org.p2penergy.analytics.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.analytics.energy.Finding;
import org.p2penergy.analytics.energy.HighConsumption;
import org.p2penergy.analytics.energy.HumanTime;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.home.summary.SummaryJson;

/**
 * One home's summaries, on an executor: for each day of the run, its device-days, the 30 days of
 * history (earlier days from the daily table, the run's own days from the pass), the collector's
 * side files, and the anomalies (the device-days' findings, days far above their own recent ones,
 * collector outages). Writes {@code reports/H/D/summary.json} and returns the anomaly rows for the
 * anomalies table. A home with no readings on a day still gets a summary that says so (no
 * appliances, coverage 0).
 */
final class SummaryStage implements FlatMapFunction<SummaryStage.HomeRun, Row>, Serializable {
  /** Everything one home brings to its summaries, grouped by home. */
  record HomeRun(
      String home,
      Iterable<HomeDeviceDay> results,
      Iterable<HomeHistory> history,
      Iterable<PeerRow> peers) {}

  private final String dataDir;
  private final Broadcast<HomeConfigs> homes;
  private final HadoopConf conf;
  private final LocalDate from;
  private final LocalDate to;
  private final Instant generatedAt;
  private final Map<String, List<InputFiles.Unreadable>> unreadable;
  private final LongAccumulator anomalies;

  /** Null for a home on its own (Optional is not Serializable). */
  private final DaySummary.Community community;

  SummaryStage(
      String dataDir,
      Broadcast<HomeConfigs> homes,
      HadoopConf conf,
      LocalDate from,
      LocalDate to,
      Instant generatedAt,
      Map<String, List<InputFiles.Unreadable>> unreadable,
      LongAccumulator anomalies,
      Optional<DaySummary.Community> community) {
    this.community = community.orElse(null);
    this.dataDir = dataDir;
    this.homes = homes;
    this.conf = conf;
    this.from = from;
    this.to = to;
    this.generatedAt = generatedAt;
    this.unreadable = unreadable;
    this.anomalies = anomalies;
  }

  @Override
  public Iterator<Row> call(HomeRun home) throws IOException {
    String id = home.home();
    HomeConfig config = homes.value().of(id);
    ZoneId zone = config.home().timezone();
    List<DeviceDayResult> results = new ArrayList<>();
    home.results().forEach(d -> results.add(d.day()));
    List<HistoryRow> history = new ArrayList<>();
    home.history().forEach(h -> history.add(h.row()));
    List<PeerRow> peers = new ArrayList<>();
    home.peers().forEach(peers::add);
    peers.sort(
        Comparator.comparing(PeerRow::deviceId)
            .thenComparing(PeerRow::period)
            .thenComparing(PeerRow::metric));
    for (DeviceDayResult r : results) {
      history.add(new HistoryRow(r.date(), r.deviceId(), r.appliance(), r.kwh(), r.cost()));
    }
    history.sort(Comparator.comparing(HistoryRow::date).thenComparing(HistoryRow::deviceId));
    Configuration hadoop = conf.get();
    DataQualityFiles side = new DataQualityFiles(dataDir, id, hadoop);
    SummaryBuilder builder = new SummaryBuilder(config);
    Duration edge = HomeWindow.maxGap(config);
    List<Row> rows = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      LocalDate day = d;
      Instant start = dayStart(d, zone);
      Instant end = dayStart(d.plusDays(1), zone);
      List<DeviceDayResult> today = results.stream().filter(r -> r.date().equals(day)).toList();
      List<Outage> outages = side.outages(start, end);
      List<AnomalyRow> found = new ArrayList<>();
      for (DeviceDayResult r : today) {
        for (Finding f : r.findings()) {
          found.add(new AnomalyRow(d, r.deviceId(), r.appliance(), f));
        }
        highConsumption(r, history, config).ifPresent(found::add);
      }
      for (Outage o : outages) {
        found.add(outageAnomaly(d, o));
      }
      found.sort(
          Comparator.comparing(AnomalyRow::date)
              .thenComparingLong(a -> a.finding().startUs())
              .thenComparing(AnomalyRow::deviceId));
      SummaryInput input =
          new SummaryInput(
              d,
              generatedAt,
              today,
              found,
              history.stream()
                  .filter(h -> !h.date().isAfter(day) && !h.date().isBefore(day.minusDays(29)))
                  .toList(),
              outages,
              side.quarantine(start, end),
              unreadableFor(utcDate(start.minus(edge)), utcDate(end.plus(edge)), id),
              peers.stream().filter(p -> p.date().equals(day)).toList(),
              Optional.ofNullable(community));
      write(
          new Path(dataDir, DataLayout.of(id).summary(d)),
          SummaryJson.write(builder.build(input)),
          hadoop);
      for (AnomalyRow a : found) {
        rows.add(ResultRows.anomaly(id, a));
      }
      anomalies.add(found.size());
    }
    return rows.iterator();
  }

  private List<InputFiles.Unreadable> unreadableFor(
      LocalDate fromUtc, LocalDate toUtc, String home) {
    return unreadable.getOrDefault(home, List.of()).stream()
        .filter(
            u ->
                DataLayout.dateOf(u.path())
                    .map(d -> !d.isBefore(fromUtc) && !d.isAfter(toUtc))
                    .orElse(true))
        .toList();
  }

  static java.util.Optional<AnomalyRow> highConsumption(
      DeviceDayResult r, List<HistoryRow> history, HomeConfig config) {
    List<Double> previous =
        history.stream()
            .filter(h -> h.deviceId().equals(r.deviceId()))
            .filter(h -> h.date().isBefore(r.date()))
            .filter(h -> !h.date().isBefore(r.date().minusDays(HighConsumption.LOOKBACK_DAYS)))
            .map(HistoryRow::kwh)
            .toList();
    ZoneId zone = config.home().timezone();
    return HighConsumption.check(r.kwh(), previous, config.anomalies().highDayFactor())
        .map(
            detail ->
                new AnomalyRow(
                    r.date(),
                    r.deviceId(),
                    r.appliance(),
                    new Finding(
                        Finding.HIGH_CONSUMPTION,
                        HomeWindow.micros(dayStart(r.date(), zone)),
                        HomeWindow.micros(dayStart(r.date().plusDays(1), zone)),
                        detail)));
  }

  static AnomalyRow outageAnomaly(LocalDate d, Outage o) {
    double seconds = Duration.between(o.start(), o.end()).toMillis() / 1e3;
    String detail =
        "collector outage of "
            + HumanTime.of(seconds)
            + (o.reason().isBlank() ? "" : ": " + o.reason());
    return new AnomalyRow(
        d,
        "",
        AnomalyRow.COLLECTOR,
        new Finding(
            Finding.DATA_GAP, HomeWindow.micros(o.start()), HomeWindow.micros(o.end()), detail));
  }

  /**
   * A summary replaces the old one at once: an object store's PUT is atomic by itself; on a file
   * system it is a temp file renamed over the old one.
   */
  static void write(Path file, String text, Configuration conf) {
    try {
      FileSystem fs = file.getFileSystem(conf);
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      if (fs.getScheme().startsWith("s3")) {
        try (OutputStream out = fs.create(file, true)) {
          out.write(bytes);
        }
        return;
      }
      Path tmp = new Path(file.getParent(), "." + file.getName() + ".tmp");
      try (OutputStream out = fs.create(tmp, true)) {
        out.write(bytes);
      }
      fs.delete(file, false);
      if (!fs.rename(tmp, file)) {
        throw new IOException("cannot rename " + tmp + " to " + file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  static Instant dayStart(LocalDate d, ZoneId zone) {
    return d.atStartOfDay(zone).toInstant();
  }

  private static LocalDate utcDate(Instant t) {
    return t.atZone(ZoneOffset.UTC).toLocalDate();
  }
}
