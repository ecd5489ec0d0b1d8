package org.p2penergy.analytics.job;

import java.util.Locale;

/**
 * Daily kWh per device and UTC day in plain DuckDB SQL, written independently of the job:
 * duplicates (device, event, ts) once, noise floor subtracted and clamped at 0, left rule, an
 * interval longer than the max gap not charged, intervals crossing midnight split. Columns
 * device_id, day (epoch day), kwh.
 */
public final class DuckDbDailyKwh {
  private DuckDbDailyKwh() {}

  /** One rule set for every device. */
  public static String sql(String dataDir, double floorW, int maxGapS) {
    return sql(dataDir, "", floorW, maxGapS, floorW, maxGapS);
  }

  /** {@code special} gets its own floor and max gap; every other device the defaults. */
  public static String sql(
      String dataDir,
      String special,
      double floorW,
      int maxGapS,
      double defaultFloorW,
      int defaultGapS) {
    return String.format(
        Locale.ROOT,
        """
        WITH dedup AS (
          SELECT device_id, event, ts, value FROM read_parquet('%1$s/readings/*/*/*.parquet')
          WHERE event IN ('power', 'Apparent Power') AND value IS NOT NULL AND NOT isnan(value)
          QUALIFY row_number() OVER (PARTITION BY device_id, event, ts ORDER BY value) = 1
        ), steps AS (
          SELECT device_id,
                 epoch_us(ts) AS t0,
                 lead(epoch_us(ts)) OVER (PARTITION BY device_id ORDER BY ts, event, value) AS t1,
                 greatest(value - CASE device_id WHEN '%2$s' THEN %3$f ELSE %5$f END, 0) AS w,
                 CASE device_id WHEN '%2$s' THEN %4$d ELSE %6$d END * 1000000 AS max_gap_us
          FROM dedup
        ), charged AS (
          SELECT device_id, t0, t1, w, (t0 // 86400000000) AS d0 FROM steps
          WHERE t1 IS NOT NULL AND t1 - t0 <= max_gap_us
        ), pieces AS (
          SELECT device_id, d0 AS day, w * (least(t1, (d0 + 1) * 86400000000) - t0) AS wus
          FROM charged
          UNION ALL
          SELECT device_id, d0 + 1, w * (t1 - (d0 + 1) * 86400000000) FROM charged
          WHERE t1 > (d0 + 1) * 86400000000
        )
        SELECT device_id, day, sum(wus) / 1e6 / 3.6e6 AS kwh FROM pieces GROUP BY device_id, day
        """,
        dataDir,
        special,
        floorW,
        maxGapS,
        defaultFloorW,
        defaultGapS);
  }
}
