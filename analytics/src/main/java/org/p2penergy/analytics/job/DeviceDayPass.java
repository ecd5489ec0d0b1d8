package org.p2penergy.analytics.job;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.unsafe.types.UTF8String;
import org.p2penergy.analytics.energy.DayGrid;
import org.p2penergy.analytics.energy.DeviceDay;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;

/**
 * The per-device-day pass. A partition holds whole (device, day) groups, its rows sorted by one
 * long key, {@code ts_us * 64 + ev}: a single-column sort Spark does by radix, much cheaper than
 * sorting by (device, day, ts). The groups are interleaved in time, so each keeps its own {@link
 * DeviceDay}; rows of one group still arrive in time order. A repeated (ts, ev) is a duplicate; of
 * duplicates with different values the smallest is kept, whatever order they came in.
 *
 * <p>It reads Spark's internal rows directly (no conversion to {@code Row}, no boxing): this loop
 * sees every reading, so it is where the job's time goes.
 */
final class DeviceDayPass implements FlatMapFunction<Iterator<InternalRow>, DeviceDayResult> {
  static final int DEVICE = 0;
  static final int DAY = 1;
  static final int KEY = 2;
  static final int VALUE = 3;
  static final int EVENT_BITS = 6;

  private final JobOptions options;

  DeviceDayPass(JobOptions options) {
    this.options = options;
  }

  /** One device-day being accumulated, and the reading held back until its duplicates are seen. */
  private static final class Group {
    final DeviceDay day;
    boolean holding;
    long heldKey;
    double heldValue;

    Group(DeviceDay day) {
      this.day = day;
    }

    void accept(long key, double value) {
      if (holding && key == heldKey) {
        day.duplicate(key >> EVENT_BITS);
        heldValue = Math.min(heldValue, value);
        return;
      }
      flush();
      holding = true;
      heldKey = key;
      heldValue = value;
    }

    void flush() {
      if (holding) {
        day.add(heldKey >> EVENT_BITS, heldValue);
        holding = false;
      }
    }
  }

  @Override
  public Iterator<DeviceDayResult> call(Iterator<InternalRow> rows) {
    HomeConfig config = ConfigLoader.parse(options.configYaml());
    Map<Integer, DayGrid> grids = new HashMap<>();
    Map<UTF8String, Map<Integer, Group>> groups = new HashMap<>();
    while (rows.hasNext()) {
      InternalRow row = rows.next();
      UTF8String device = row.getUTF8String(DEVICE);
      int day = row.getInt(DAY);
      Map<Integer, Group> byDay = groups.get(device);
      if (byDay == null) {
        byDay = new HashMap<>();
        groups.put(device.clone(), byDay); // the row's bytes are reused: keep a copy
      }
      Group group = byDay.get(day);
      if (group == null) {
        DayGrid grid =
            grids.computeIfAbsent(
                day,
                d ->
                    DayGrid.of(LocalDate.ofEpochDay(d), config.home().timezone(), config.tariff()));
        group =
            new Group(
                new DeviceDay(
                    config.applianceFor(device.toString()),
                    grid,
                    options.rule(),
                    config.anomalies()));
        byDay.put(day, group);
      }
      group.accept(row.getLong(KEY), row.getDouble(VALUE));
    }
    List<DeviceDayResult> results = new ArrayList<>();
    for (Map<Integer, Group> byDay : groups.values()) {
      for (Group group : byDay.values()) {
        group.flush();
        results.add(group.day.finish(options.standbyPercentile()));
      }
    }
    return results.iterator();
  }
}
