package org.p2penergy.home.layout;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every path of a data directory, for one home: the same layout on a Pi's disk, in a local folder
 * and in the object store. Paths are relative ({@code readings/home=elm-12/date=2026-11-27}) with
 * {@code /} between parts, so {@code Path.resolve}, Hadoop's {@code new Path(root, rel)} and an S3
 * key prefix all take them as they are. docs/ARCHITECTURE.md shows the tree.
 */
public record DataLayout(String home) {
  public static final String READINGS = "readings";
  public static final String QUARANTINE = "quarantine";
  public static final String OUTAGES = "outages";
  public static final String SPOOL = "spool";
  public static final String STATE = "state";
  public static final String ANALYTICS = "analytics";
  public static final String REPORTS = "reports";
  public static final String SUMMARY = "summary.json";

  /**
   * When uploads to the object store failed ({@code upload-outages/home=H/D.jsonl}): not under
   * {@code outages/}, which analytics reads as gaps in the readings. An upload outage is no gap.
   */
  public static final String UPLOAD_OUTAGES = "upload-outages";

  /** The analytics tables, each {@code analytics/<table>/home=H/date=D/}. */
  public static final String DAILY = "daily";

  public static final String HOURLY = "hourly";
  public static final String STATES = "states";
  public static final String ANOMALIES = "anomalies";

  /** The community's comparison, {@code analytics/peers/date=D/}: it names no home. */
  public static final String PEERS = "peers";

  /**
   * Quarantined events of no home (a community collector's unknown devices, events without a
   * device). Not of the {@code home=} form, so nothing reads it as a home.
   */
  public static final String UNASSIGNED = "unassigned";

  private static final Pattern HOME_PART = Pattern.compile("(?:^|/)home=([^/]+)");
  private static final Pattern DATE_PART = Pattern.compile("(?:^|/)date=(\\d{4}-\\d{2}-\\d{2})");

  public static DataLayout of(String home) {
    return new DataLayout(home);
  }

  public static String homePartition(String home) {
    return "home=" + home;
  }

  public static String datePartition(LocalDate date) {
    return "date=" + date;
  }

  /** {@code readings/home=H}: all of the home's readings, one folder per UTC date below. */
  public String readings() {
    return READINGS + "/" + homePartition(home);
  }

  /** {@code readings/home=H/date=D}, D the UTC date of the readings' {@code ts}. */
  public String readings(LocalDate utcDate) {
    return readings() + "/" + datePartition(utcDate);
  }

  /** {@code quarantine/home=H}: {@code YYYY-MM-DD.jsonl} files by UTC date of receipt. */
  public String quarantine() {
    return QUARANTINE + "/" + homePartition(home);
  }

  /** {@code outages/home=H}: {@code YYYY-MM-DD.jsonl} files by UTC date of the outage's start. */
  public String outages() {
    return OUTAGES + "/" + homePartition(home);
  }

  /**
   * {@code upload-outages/home=H}: {@code YYYY-MM-DD.jsonl} files (UTC date of the start) of the
   * periods when the object store could not be reached or refused uploads.
   */
  public String uploadOutages() {
    return UPLOAD_OUTAGES + "/" + homePartition(home);
  }

  /** {@code analytics/<table>/home=H/date=D}. */
  public String table(String table, LocalDate date) {
    return table(table) + "/" + datePartition(date);
  }

  /** {@code analytics/<table>/home=H}. */
  public String table(String table) {
    return tableRoot(table) + "/" + homePartition(home);
  }

  /** {@code analytics/<table>}, every home's partitions below. */
  public static String tableRoot(String table) {
    return ANALYTICS + "/" + table;
  }

  /** {@code analytics/peers/date=D}. */
  public static String peers(LocalDate date) {
    return tableRoot(PEERS) + "/" + datePartition(date);
  }

  /** {@code reports/H}: the home's report folders, one per local date. */
  public String reports() {
    return REPORTS + "/" + home;
  }

  /** {@code reports/H/D}. */
  public String reportDir(LocalDate date) {
    return reports() + "/" + date;
  }

  /** {@code reports/H/D/summary.json}. */
  public String summary(LocalDate date) {
    return reportDir(date) + "/" + SUMMARY;
  }

  /** {@code reports/H/D/report-<period>.pdf}. */
  public String report(LocalDate date, String period) {
    return reportDir(date) + "/report-" + period + ".pdf";
  }

  /** {@code state/nightly/H.json}: what nightly has done for this home. */
  public String nightlyState() {
    return STATE + "/nightly/" + home + ".json";
  }

  /** {@code readings/unassigned/date=D}: readings of a device no home lists (never analysed). */
  public static String unassignedReadings(LocalDate utcDate) {
    return READINGS + "/" + UNASSIGNED + "/" + datePartition(utcDate);
  }

  /** {@code quarantine/unassigned}. */
  public static String unassignedQuarantine() {
    return QUARANTINE + "/" + UNASSIGNED;
  }

  /** {@code spool}: the collector's write-ahead log (local disk only). */
  public static String spool() {
    return SPOOL;
  }

  /** {@code spool/import}: the importers' own spool, so an import can run beside a collector. */
  public static String importSpool() {
    return SPOOL + "/import";
  }

  /** {@code state/collector.json}: the collector's heartbeat. */
  public static String collectorState() {
    return STATE + "/collector.json";
  }

  /** {@code state/upload}: the uploader's local bookkeeping (never uploaded). */
  public static String uploadState() {
    return STATE + "/upload";
  }

  /**
   * {@code state/upload/journal.jsonl}: the upload queue's journal, one line per file confirmed in
   * the store (what is local and not confirmed there is what waits).
   */
  public static String uploadJournal() {
    return uploadState() + "/journal.jsonl";
  }

  /** {@code state/upload/lock}: held by the one process that uploads this data directory. */
  public static String uploadLock() {
    return uploadState() + "/lock";
  }

  /** {@code state/upload/outage.json}: an upload outage still going on (survives a crash). */
  public static String uploadOpenOutage() {
    return uploadState() + "/outage.json";
  }

  /** {@code state/upload/tmp}: bodies put together before an upload (merged side files). */
  public static String uploadTemp() {
    return uploadState() + "/tmp";
  }

  /** The lock a whole nightly run holds ({@code state/nightly.lock}). */
  public static String nightlyLock() {
    return STATE + "/nightly.lock";
  }

  /** The lock an analyze run holds on a local data folder ({@code state/analyze.lock}). */
  public static String analyzeLock() {
    return STATE + "/analyze.lock";
  }

  // The single-home layout before homes had ids: read as the config's home, never written.

  /** {@code readings/date=D}. */
  public static String legacyReadings(LocalDate utcDate) {
    return READINGS + "/" + datePartition(utcDate);
  }

  /** {@code quarantine} (files directly below). */
  public static String legacyQuarantine() {
    return QUARANTINE;
  }

  /** {@code outages} (files directly below). */
  public static String legacyOutages() {
    return OUTAGES;
  }

  /** {@code state/nightly.json}. */
  public static String legacyNightlyState() {
    return STATE + "/nightly.json";
  }

  /** The home of a path with a {@code home=H} part, if it has one. */
  public static Optional<String> homeOf(String path) {
    Matcher m = HOME_PART.matcher(path);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The date of a path with a {@code date=YYYY-MM-DD} part, if it has one. */
  public static Optional<LocalDate> dateOf(String path) {
    Matcher m = DATE_PART.matcher(path);
    return m.find() ? Optional.of(LocalDate.parse(m.group(1))) : Optional.empty();
  }
}
