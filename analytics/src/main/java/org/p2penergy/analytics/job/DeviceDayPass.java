package org.p2penergy.analytics.job;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.p2penergy.analytics.energy.DayGrid;
import org.p2penergy.analytics.energy.DeviceDay;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.collector.config.ConfigLoader;
import org.p2penergy.collector.config.HomeConfig;

/**
 * The sorted per-device pass: rows (device_id, day, ts_us, ev, value) arrive sorted by device, day,
 * ts, ev, value; each (device, day) group streams through one {@link DeviceDay}. Repeated (ts, ev)
 * are duplicates. Only one group is in memory at a time.
 */
final class DeviceDayPass implements MapPartitionsFunction<Row, DeviceDayResult> {
  static final int DEVICE = 0;
  static final int DAY = 1;
  static final int TS = 2;
  static final int EVENT = 3;
  static final int VALUE = 4;

  private final JobOptions options;

  DeviceDayPass(JobOptions options) {
    this.options = options;
  }

  @Override
  public Iterator<DeviceDayResult> call(Iterator<Row> rows) {
    HomeConfig config = ConfigLoader.parse(options.configYaml());
    return new Groups(rows, config);
  }

  private final class Groups implements Iterator<DeviceDayResult> {
    private final Iterator<Row> rows;
    private final HomeConfig config;
    private final Map<Integer, DayGrid> grids = new HashMap<>();
    private Row pending;

    Groups(Iterator<Row> rows, HomeConfig config) {
      this.rows = rows;
      this.config = config;
      this.pending = rows.hasNext() ? rows.next() : null;
    }

    @Override
    public boolean hasNext() {
      return pending != null;
    }

    @Override
    public DeviceDayResult next() {
      if (pending == null) {
        throw new NoSuchElementException();
      }
      String device = pending.getString(DEVICE);
      int day = pending.getInt(DAY);
      DayGrid grid =
          grids.computeIfAbsent(
              day,
              d -> DayGrid.of(LocalDate.ofEpochDay(d), config.home().timezone(), config.tariff()));
      DeviceDay acc =
          new DeviceDay(config.applianceFor(device), grid, options.rule(), config.anomalies());
      long lastTs = Long.MIN_VALUE;
      int lastEvent = -1;
      Row row = pending;
      while (row != null && row.getInt(DAY) == day && row.getString(DEVICE).equals(device)) {
        long ts = row.getLong(TS);
        int event = row.getInt(EVENT);
        if (ts == lastTs && event == lastEvent) {
          acc.duplicate(ts);
        } else {
          acc.add(ts, row.getDouble(VALUE));
          lastTs = ts;
          lastEvent = event;
        }
        row = rows.hasNext() ? rows.next() : null;
      }
      pending = row;
      return acc.finish(options.standbyPercentile());
    }
  }
}
