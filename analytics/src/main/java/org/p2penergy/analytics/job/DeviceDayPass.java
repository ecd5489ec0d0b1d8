package org.p2penergy.analytics.job;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.p2penergy.analytics.energy.DayGrid;
import org.p2penergy.analytics.energy.DeviceDay;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.collector.config.ConfigLoader;
import org.p2penergy.collector.config.HomeConfig;

/**
 * The sorted per-device pass: rows (device_id, day, ts_us, ev, value) arrive sorted by device, day,
 * ts, ev, value; each (device, day) group streams through one {@link DeviceDay}. Repeated (ts, ev)
 * are duplicates. Only one group is in memory at a time.
 *
 * <p>It reads Spark's internal rows directly (no conversion to {@code Row}, no boxing of every long
 * and double): this loop sees every reading, so it is where the job's time goes.
 */
final class DeviceDayPass implements FlatMapFunction<Iterator<InternalRow>, DeviceDayResult> {
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
  public Iterator<DeviceDayResult> call(Iterator<InternalRow> rows) {
    HomeConfig config = ConfigLoader.parse(options.configYaml());
    return new Groups(rows, config);
  }

  private final class Groups implements Iterator<DeviceDayResult> {
    private final Iterator<InternalRow> rows;
    private final HomeConfig config;
    private final Map<Integer, DayGrid> grids = new HashMap<>();
    private InternalRow pending;

    Groups(Iterator<InternalRow> rows, HomeConfig config) {
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
      // Rows may be reused by the iterator: keep copies of what outlives this row.
      UTF8String device = pending.getUTF8String(DEVICE).clone();
      int day = pending.getInt(DAY);
      DayGrid grid =
          grids.computeIfAbsent(
              day,
              d -> DayGrid.of(LocalDate.ofEpochDay(d), config.home().timezone(), config.tariff()));
      DeviceDay acc =
          new DeviceDay(
              config.applianceFor(device.toString()), grid, options.rule(), config.anomalies());
      long lastTs = Long.MIN_VALUE;
      int lastEvent = -1;
      InternalRow row = pending;
      while (row != null && row.getInt(DAY) == day && row.getUTF8String(DEVICE).equals(device)) {
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
