package org.p2penergy.analytics.job;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.p2penergy.home.config.Appliance;
import org.p2penergy.home.config.HomeConfig;

/**
 * One small row per home, joined (broadcast) to every reading so that each home is analysed in its
 * own zone with its own power events and max gaps, all in Spark expressions:
 *
 * <ul>
 *   <li>{@code starts}: the home's local midnights, epoch micros, of days {@code from-2 .. to+3}
 *       (1-based: {@code starts[k]} is day {@code from - 2 + k - 1}), worked out with java.time on
 *       the driver so DST is exact;
 *   <li>{@code offset_us}: the zone's standard offset, for a first guess of the day;
 *   <li>{@code lo_us}, {@code hi_us}: the readings the run needs, [first midnight - max gap, last
 *       midnight + max gap);
 *   <li>{@code gaps}: max gap per listed device (others get the default); {@code events}: the power
 *       events with their index in the key (see {@link DeviceDayPass}).
 * </ul>
 */
final class HomeTable {
  static final StructType SCHEMA =
      new StructType()
          .add("home", DataTypes.StringType, false)
          .add("starts", DataTypes.createArrayType(DataTypes.LongType, false), false)
          .add("offset_us", DataTypes.LongType, false)
          .add("lo_us", DataTypes.LongType, false)
          .add("hi_us", DataTypes.LongType, false)
          .add("gaps", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType), false)
          .add(
              "events",
              DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType),
              false);

  /** The most power events a home may name: the event index takes 6 bits of the sort key. */
  static final int MAX_EVENTS = 1 << DeviceDayPass.EVENT_BITS;

  private HomeTable() {}

  /** The first day {@code starts} begins with. */
  static LocalDate first(LocalDate from) {
    return from.minusDays(2);
  }

  static Dataset<Row> of(SparkSession spark, List<HomeConfig> homes, LocalDate from, LocalDate to) {
    List<Row> rows = new ArrayList<>();
    for (HomeConfig home : homes) {
      rows.add(row(home, from, to));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  static Row row(HomeConfig home, LocalDate from, LocalDate to) {
    ZoneId zone = home.home().timezone();
    List<Long> starts = new ArrayList<>();
    for (LocalDate d = first(from); !d.isAfter(to.plusDays(3)); d = d.plusDays(1)) {
      starts.add(micros(d.atStartOfDay(zone).toInstant()));
    }
    Duration edge = maxGap(home);
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
    Map<String, Long> gaps = new LinkedHashMap<>();
    for (Appliance a : home.appliances()) {
      gaps.put(a.deviceId(), a.maxGap().toNanos() / 1000);
    }
    Map<String, Integer> events = new LinkedHashMap<>();
    List<String> powerEvents = home.powerEvents();
    if (powerEvents.size() > MAX_EVENTS) {
      throw new IllegalArgumentException(
          home.home().id() + ": at most " + MAX_EVENTS + " power events");
    }
    for (int i = 0; i < powerEvents.size(); i++) {
      events.put(powerEvents.get(i), i);
    }
    return RowFactory.create(
        home.home().id(),
        starts,
        zone.getRules().getStandardOffset(start).getTotalSeconds() * 1_000_000L,
        micros(start.minus(edge)),
        micros(end.plus(edge)),
        gaps,
        events);
  }

  /** The widest max gap of a home: how far outside its days readings can still matter. */
  static Duration maxGap(HomeConfig home) {
    Duration edge = Appliance.DEFAULT_MAX_GAP;
    for (Appliance a : home.appliances()) {
      if (a.maxGap().compareTo(edge) > 0) {
        edge = a.maxGap();
      }
    }
    return edge;
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000L);
  }
}
