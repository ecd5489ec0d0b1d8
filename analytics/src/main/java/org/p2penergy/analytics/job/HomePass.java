package org.p2penergy.analytics.job;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.io.api.Binary;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.p2penergy.analytics.energy.DayGrid;
import org.p2penergy.analytics.energy.DeviceDay;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.home.readings.PhysicalRange;

/**
 * The per-device-day pass, one home at a time: a task reads a home's readings files itself ({@link
 * ReadingsColumns}), tags each reading with its local day (and with the neighbouring day when it
 * lies within the device's max gap of a midnight, which that day needs to charge the interval
 * across midnight), and feeds each device-day's readings in time order to a {@link DeviceDay}.
 * Files are already one home and one UTC date each, so no shuffle is needed: a home's days are done
 * in chunks of {@link #CHUNK_DAYS}, each chunk reading the files of the UTC dates its days touch.
 *
 * <p>Within a device-day readings are ordered by one long key, {@code ts_us * 64 + event index}. A
 * repeated key is a duplicate; of duplicates with different values the smallest is kept, whatever
 * order they came in. A value outside the physical range is counted and left out.
 */
final class HomePass implements FlatMapFunction<Iterator<HomePass.Unit>, HomeDeviceDay> {
  static final int EVENT_BITS = 6;

  /** Days per unit of work: bounds a task's memory (one device-day is 86 400 readings at 1 Hz). */
  static final int CHUNK_DAYS = 7;

  private static final long DAY_US = 86_400_000_000L;

  /** Some consecutive days of one home, and the files that can hold their readings. */
  record Unit(String home, LocalDate from, LocalDate to, List<String> files)
      implements Serializable {}

  private final JobOptions options;
  private final HadoopConf conf;

  HomePass(JobOptions options, HadoopConf conf) {
    this.options = options;
    this.conf = conf;
  }

  /** The units of a run: each home's days in chunks, each with the files of its UTC dates. */
  static List<Unit> units(
      List<AnalyzeRequest.HomeInput> homes,
      Map<String, InputFiles.HomeFiles> files,
      LocalDate from,
      LocalDate to) {
    List<Unit> units = new ArrayList<>();
    for (AnalyzeRequest.HomeInput h : homes) {
      InputFiles.HomeFiles found = files.get(h.id());
      // Each file's UTC date, read from its path once (a long backfill has many chunks).
      TreeMap<Long, List<String>> byDate = new TreeMap<>();
      List<String> undated = new ArrayList<>(); // not of the layout: goes to every chunk
      if (found != null) {
        for (String f :
            Stream.concat(found.files().stream(), found.legacyFiles().stream()).toList()) {
          Optional<LocalDate> date = DataLayout.dateOf(f);
          if (date.isPresent()) {
            byDate.computeIfAbsent(date.get().toEpochDay(), d -> new ArrayList<>()).add(f);
          } else {
            undated.add(f);
          }
        }
      }
      for (LocalDate a = from; !a.isAfter(to); a = a.plusDays(CHUNK_DAYS)) {
        LocalDate b = a.plusDays(CHUNK_DAYS - 1).isAfter(to) ? to : a.plusDays(CHUNK_DAYS - 1);
        HomeWindow w = HomeWindow.of(h.config(), a, b);
        List<String> needed = new ArrayList<>();
        byDate
            .subMap(
                Math.floorDiv(w.loUs(), DAY_US), true, Math.floorDiv(w.hiUs() - 1, DAY_US), true)
            .values()
            .forEach(needed::addAll);
        needed.addAll(undated);
        units.add(new Unit(h.id(), a, b, List.copyOf(needed)));
      }
    }
    return units;
  }

  @Override
  public Iterator<HomeDeviceDay> call(Iterator<Unit> units) throws IOException {
    List<HomeDeviceDay> results = new ArrayList<>();
    while (units.hasNext()) {
      Unit unit = units.next();
      UnitPass pass = new UnitPass(unit, options.homes().of(unit.home()));
      for (String file : unit.files()) {
        ReadingsColumns.read(file, conf.get(), pass);
      }
      pass.finish(results);
    }
    return results.iterator();
  }

  /** One unit's device-days being collected. */
  private final class UnitPass implements ReadingsColumns.Sink {
    private final Unit unit;
    private final HomeConfig config;
    private final HomeWindow window;
    private final long fromDay;
    private final long toDay;

    /** Devices and events by identity: Parquet hands out one Binary per dictionary entry. */
    private final ByIdentity<Device> devices = new ByIdentity<>();

    private final ByIdentity<Integer> events = new ByIdentity<>();
    private final Map<String, Device> devicesById = new HashMap<>();

    UnitPass(Unit unit, HomeConfig config) {
      this.unit = unit;
      this.config = config;
      this.window = HomeWindow.of(config, unit.from(), unit.to());
      this.fromDay = unit.from().toEpochDay();
      this.toDay = unit.to().toEpochDay();
    }

    @Override
    public void accept(Binary deviceId, Binary eventName, long ts, double value) {
      Integer ev = events.get(eventName);
      if (ev == null) {
        ev = window.event(eventName.toStringUsingUTF8());
        events.put(eventName, ev);
      }
      if (ev < 0 || Double.isNaN(value) || ts < window.loUs() || ts >= window.hiUs()) {
        return;
      }
      Device device = devices.get(deviceId);
      if (device == null) {
        String id = deviceId.toStringUsingUTF8();
        device = devicesById.computeIfAbsent(id, i -> new Device(i, window.gapUs(i), days()));
        devices.put(deviceId, device);
      }
      int k = window.dayIndex(ts);
      long day = window.firstDay() + k;
      long key = ts * (1 << EVENT_BITS) + ev;
      long[] starts = window.starts();
      offer(device, day, key, value);
      if (ts - starts[k] <= device.gapUs) offer(device, day - 1, key, value);
      if (starts[k + 1] - ts <= device.gapUs) offer(device, day + 1, key, value);
    }

    private int days() {
      return (int) (toDay - fromDay + 1);
    }

    private void offer(Device device, long day, long key, double value) {
      if (day >= fromDay && day <= toDay) {
        device.byDay[(int) (day - fromDay)].add(key, value);
      }
    }

    void finish(List<HomeDeviceDay> results) {
      Map<Long, DayGrid> grids = new HashMap<>();
      for (Device device : devicesById.values()) {
        for (int i = 0; i < device.byDay.length; i++) {
          Readings readings = device.byDay[i];
          if (readings.size == 0) continue;
          LocalDate date = unit.from().plusDays(i);
          DayGrid grid =
              grids.computeIfAbsent(
                  date.toEpochDay(),
                  d -> DayGrid.of(date, config.home().timezone(), config.tariff()));
          DeviceDay day =
              new DeviceDay(
                  config.applianceFor(device.id), grid, options.rule(), config.anomalies());
          readings.feed(day);
          results.add(new HomeDeviceDay(unit.home(), day.finish(options.standbyPercentile())));
        }
      }
    }
  }

  /** A device of the unit: its max gap and its readings per day. */
  private static final class Device {
    final String id;
    final long gapUs;
    final Readings[] byDay;

    Device(String id, long gapUs, int days) {
      this.id = id;
      this.gapUs = gapUs;
      this.byDay = new Readings[days];
      for (int i = 0; i < days; i++) byDay[i] = new Readings();
    }
  }

  /** One device-day's (key, value) pairs, as they came; put in key order before they are used. */
  static final class Readings {
    private long[] keys = new long[0];
    private double[] values = new double[0];
    private int size;
    private boolean sorted = true;

    void add(long key, double value) {
      if (size == keys.length) {
        int grown = Math.max(1024, size * 2);
        keys = java.util.Arrays.copyOf(keys, grown);
        values = java.util.Arrays.copyOf(values, grown);
      }
      if (size > 0 && key < keys[size - 1]) sorted = false;
      keys[size] = key;
      values[size] = value;
      size++;
    }

    /** Feeds the readings in key order; of a repeated key, the smallest value, once. */
    void feed(DeviceDay day) {
      if (!sorted) {
        KeySort.sort(keys, values, size);
        sorted = true;
      }
      int i = 0;
      while (i < size) {
        long key = keys[i];
        double value = Double.NaN; // the smallest in-range value of this key
        for (; i < size && keys[i] == key; i++) {
          long ts = key >> EVENT_BITS;
          if (!PhysicalRange.contains(values[i])) {
            day.outOfRange(ts);
          } else if (Double.isNaN(value)) {
            value = values[i];
          } else {
            day.duplicate(ts);
            value = Math.min(value, values[i]);
          }
        }
        if (!Double.isNaN(value)) day.add(key >> EVENT_BITS, value);
      }
    }
  }

  /**
   * Values by the identity of Parquet's {@link Binary}: a dictionary-encoded column hands out one
   * object per dictionary entry, so a device is recognised without hashing its bytes. A plain
   * column hands out a new object per value; the map is then cleared before it grows large, and
   * each lookup falls back to the caller's. Never wrong, at worst slow.
   */
  private static final class ByIdentity<V> {
    private final IdentityHashMap<Binary, V> map = new IdentityHashMap<>();

    V get(Binary key) {
      return map.get(key);
    }

    void put(Binary key, V value) {
      if (map.size() >= 4096) map.clear();
      map.put(key, value);
    }
  }
}
