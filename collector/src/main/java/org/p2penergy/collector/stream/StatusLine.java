package org.p2penergy.collector.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The one-line status an operator tailing {@code journalctl} reads every minute. Pure: all inputs
 * are passed in.
 */
public final class StatusLine {
  /**
   * Counter values at one moment.
   *
   * @param readings readings durable (stored)
   * @param lost readings that could not be stored (refused while the disk was full)
   * @param storeProblem why the store refuses readings now ({@code disk full}), or null
   */
  public record Snapshot(
      Instant at,
      long readings,
      long quarantined,
      long duplicates,
      long cloudEvents,
      long spoolBytes,
      boolean up,
      Map<String, Instant> lastEventByDevice,
      long lost,
      String storeProblem) {}

  private StatusLine() {}

  public static String format(Snapshot previous, Snapshot now, Map<String, String> names) {
    double seconds = Math.max(1e-3, Duration.between(previous.at(), now.at()).toMillis() / 1000.0);
    double rate = (now.readings() - previous.readings()) / seconds;
    StringJoiner ages = new StringJoiner(", ");
    now.lastEventByDevice()
        .forEach(
            (id, t) ->
                ages.add(
                    names.getOrDefault(id, shortId(id))
                        + " "
                        + age(Duration.between(t, now.at()))));
    // While the store refuses readings that comes first, on every line: the stream may be up and
    // events may arrive, but nothing is stored.
    String store =
        now.storeProblem() != null
            ? ", " + now.storeProblem() + ", " + now.lost() + " readings lost"
            : "";
    String lost =
        now.storeProblem() == null && now.lost() > 0 ? now.lost() + " readings lost, " : "";
    return String.format(
        java.util.Locale.ROOT,
        "status: stream %s%s, %.1f readings/s, %d readings, %s%d quarantined, %d dups dropped,"
            + " %d cloud events, spool %s, last event: %s",
        now.up() ? "up" : "DOWN",
        store,
        rate,
        now.readings(),
        lost,
        now.quarantined(),
        now.duplicates(),
        now.cloudEvents(),
        bytes(now.spoolBytes()),
        ages.length() == 0 ? "none yet" : ages.toString());
  }

  /**
   * The uploads' part, appended to the line when {@code collect} uploads to a store: files and
   * bytes waiting, the oldest one's age, and why they wait while uploads fail.
   */
  public static String upload(org.p2penergy.collector.upload.UploadStatus u, Instant now) {
    String state = u.problem() == null ? "upload" : "upload DOWN (" + u.problem() + ")";
    if (u.files() == 0) {
      return ", " + state + ": nothing waiting";
    }
    return String.format(
        java.util.Locale.ROOT,
        ", %s: %d files (%s) waiting, oldest %s",
        state,
        u.files(),
        bytes(u.bytes()),
        u.oldest() == null ? "?" : age(Duration.between(u.oldest(), now)).replace(" ago", ""));
  }

  static String age(Duration d) {
    long s = Math.max(0, d.toSeconds());
    if (s < 120) {
      return s + "s ago";
    }
    if (s < 7200) {
      return s / 60 + "m ago";
    }
    return s / 3600 + "h ago";
  }

  static String bytes(long b) {
    if (b < 1024) {
      return b + " B";
    }
    if (b < 1024 * 1024) {
      return String.format(java.util.Locale.ROOT, "%.1f KiB", b / 1024.0);
    }
    return String.format(java.util.Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
  }

  private static String shortId(String id) {
    return id.length() > 8 ? id.substring(0, 8) + "…" : id;
  }
}
