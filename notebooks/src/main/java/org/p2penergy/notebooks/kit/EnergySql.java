package org.p2penergy.notebooks.kit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.p2penergy.home.config.Appliance;
import org.p2penergy.home.config.ApplianceState;
import org.p2penergy.home.config.HomeConfig;

/**
 * The energy rules of docs/ARCHITECTURE.md as DuckDB SQL over the readings Parquet, so that every
 * notebook integrates power the same way the analytics job does: each reading holds until the next
 * one (left rule), an interval longer than the appliance's max gap is not charged, the same
 * (device, ts) twice counts once, and the noise floor is subtracted and clamped at zero.
 */
public final class EnergySql {

  private EnergySql() {}

  /**
   * A subquery with one row per power reading near [from, to): device_id, appliance, kind, ts,
   * next_ts, raw_w (as measured), w (net of the noise floor), max_gap_s, inside (the reading lies
   * in [from, to)) and seconds: the part of the interval to the next reading that lies in [from,
   * to) and is charged. Energy in kWh is {@code sum(w * seconds) / 3.6e6}.
   */
  public static String intervals(String readings, HomeConfig home, Instant from, Instant to) {
    String f = timestamp(from);
    String t = timestamp(to);
    // Partition folders are UTC dates; one more on each side covers the intervals at the edges.
    LocalDate firstFolder = from.atOffset(ZoneOffset.UTC).toLocalDate().minusDays(1);
    LocalDate lastFolder = to.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(1);
    long margin = maxGapSeconds(home);
    return """
        (WITH p AS (
           SELECT device_id, ts, any_value(value) AS value
           FROM %s
           WHERE event IN (%s) AND date BETWEEN DATE '%s' AND DATE '%s'
             AND ts >= %s - INTERVAL %d SECOND AND ts < %s + INTERVAL %d SECOND
           GROUP BY device_id, ts),
         i AS (
           SELECT p.device_id, coalesce(a.appliance, p.device_id) AS appliance,
                  coalesce(a.kind, 'generic') AS kind, p.ts, p.value AS raw_w,
                  lead(p.ts) OVER (PARTITION BY p.device_id ORDER BY p.ts) AS next_ts,
                  greatest(p.value - coalesce(a.noise_floor_w, %s), 0) AS w,
                  coalesce(a.max_gap_s, %d) AS max_gap_s
           FROM p LEFT JOIN %s AS a USING (device_id))
         SELECT *, ts >= %s AS inside,
                CASE WHEN epoch(next_ts) - epoch(ts) <= max_gap_s
                     THEN greatest(epoch(least(next_ts, %s)) - epoch(greatest(ts, %s)), 0)
                     ELSE 0 END AS seconds
         FROM i WHERE ts < %s AND coalesce(next_ts, ts) > %s)"""
        .formatted(
            readings,
            powerEvents(home),
            firstFolder,
            lastFolder,
            f,
            margin,
            t,
            margin,
            number(Appliance.DEFAULT_NOISE_FLOOR_W),
            Appliance.DEFAULT_MAX_GAP.toSeconds(),
            appliances(home),
            f,
            t,
            f,
            t,
            f);
  }

  /**
   * The configured appliances as a SQL table: device_id, appliance, kind, noise_floor_w, max_gap_s.
   */
  public static String appliances(HomeConfig home) {
    if (home.appliances().isEmpty()) {
      return "(SELECT NULL::VARCHAR AS device_id, NULL::VARCHAR AS appliance, NULL::VARCHAR AS kind,"
          + " NULL::DOUBLE AS noise_floor_w, NULL::BIGINT AS max_gap_s WHERE false)";
    }
    String rows =
        home.appliances().stream()
            .map(
                a ->
                    "(%s, %s, %s, %s, %d)"
                        .formatted(
                            literal(a.deviceId()),
                            literal(a.name()),
                            literal(a.kind().configName()),
                            number(a.noiseFloorW()),
                            a.maxGap().toSeconds()))
            .collect(Collectors.joining(", "));
    return "(SELECT * FROM (VALUES "
        + rows
        + ") AS t(device_id, appliance, kind, noise_floor_w, max_gap_s))";
  }

  /**
   * A SQL CASE naming the state whose power is nearest to {@code column} (watts net of the noise
   * floor): the boundaries are the midpoints between neighbouring states.
   */
  public static String nearestState(List<ApplianceState> states, String column) {
    List<ApplianceState> sorted =
        states.stream()
            .sorted(java.util.Comparator.comparingDouble(ApplianceState::watts))
            .toList();
    StringBuilder sql = new StringBuilder("CASE");
    for (int i = 0; i + 1 < sorted.size(); i++) {
      double mid = (sorted.get(i).watts() + sorted.get(i + 1).watts()) / 2;
      sql.append(" WHEN ")
          .append(column)
          .append(" < ")
          .append(number(mid))
          .append(" THEN ")
          .append(literal(sorted.get(i).name()));
    }
    return sql.append(" ELSE ")
        .append(literal(sorted.get(sorted.size() - 1).name()))
        .append(" END")
        .toString();
  }

  public static String powerEvents(HomeConfig home) {
    return home.powerEvents().stream().map(EnergySql::literal).collect(Collectors.joining(", "));
  }

  public static String timestamp(Instant t) {
    return "TIMESTAMPTZ '" + t + "'";
  }

  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%s", value);
  }

  private static long maxGapSeconds(HomeConfig home) {
    List<Long> gaps = home.appliances().stream().map(a -> a.maxGap().toSeconds()).toList();
    return Math.max(
        Appliance.DEFAULT_MAX_GAP.toSeconds(),
        gaps.stream().mapToLong(Long::longValue).max().orElse(0));
  }
}
