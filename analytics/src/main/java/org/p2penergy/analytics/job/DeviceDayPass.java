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
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.readings.PhysicalRange;

/**
 * The per-device-day pass. A partition holds whole (home, device, day) groups, its rows sorted by
 * one long key, {@code ts_us * 64 + ev}: a single-column sort Spark does by radix, much cheaper
 * than sorting by (home, device, day, ts). The groups are interleaved in time, so each keeps its
 * own {@link DeviceDay}; rows of one group still arrive in time order. A repeated (ts, ev) is a
 * duplicate; of duplicates with different values the smallest is kept, whatever order they came in.
 * A value outside the physical range is counted and left out.
 *
 * <p>It reads Spark's internal rows directly (no conversion to {@code Row}, no boxing): this loop
 * sees every reading, so it is where the job's time goes. This is the only class that relies on
 * {@link InternalRow}; {@code DeviceDayPassRowsIT} checks what it relies on, so that a Spark
 * upgrade that changes it fails a test, not a night's figures.
 */
final class DeviceDayPass implements FlatMapFunction<Iterator<InternalRow>, HomeDeviceDay> {
  /** Column ordinals of {@link ReadingsInput#tagged}'s rows. */
  static final int HOME = 0;

  static final int DEVICE = 1;
  static final int DAY = 2;
  static final int KEY = 3;
  static final int VALUE = 4;
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
      if (!PhysicalRange.contains(value)) {
        day.outOfRange(key >> EVENT_BITS);
        return;
      }
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

  /** A home's groups: its config, its day grids and its device-days. */
  private final class HomeGroups {
    final String home;
    final HomeConfig config;
    final Map<Integer, DayGrid> grids = new HashMap<>();
    final Map<UTF8String, Map<Integer, Group>> devices = new HashMap<>();

    HomeGroups(String home) {
      this.home = home;
      this.config = options.homes().of(home);
    }

    Group group(UTF8String device, int day) {
      Map<Integer, Group> byDay = devices.get(device);
      if (byDay == null) {
        byDay = new HashMap<>();
        devices.put(device.clone(), byDay); // the row's bytes are reused: keep a copy
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
      return group;
    }
  }

  @Override
  public Iterator<HomeDeviceDay> call(Iterator<InternalRow> rows) {
    Map<UTF8String, HomeGroups> homes = new HashMap<>();
    while (rows.hasNext()) {
      InternalRow row = rows.next();
      UTF8String homeId = row.getUTF8String(HOME);
      HomeGroups home = homes.get(homeId);
      if (home == null) {
        home = new HomeGroups(homeId.toString());
        homes.put(homeId.clone(), home);
      }
      home.group(row.getUTF8String(DEVICE), row.getInt(DAY))
          .accept(row.getLong(KEY), row.getDouble(VALUE));
    }
    List<HomeDeviceDay> results = new ArrayList<>();
    for (HomeGroups home : homes.values()) {
      for (Map<Integer, Group> byDay : home.devices.values()) {
        for (Group group : byDay.values()) {
          group.flush();
          results.add(new HomeDeviceDay(home.home, group.day.finish(options.standbyPercentile())));
        }
      }
    }
    return results.iterator();
  }
}
