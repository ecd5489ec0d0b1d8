package org.p2penergy.analytics.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.p2penergy.analytics.energy.DayGrid;
import org.p2penergy.analytics.energy.DeviceDayResult;
import org.p2penergy.analytics.energy.StateTotal;
import org.p2penergy.home.config.HomeConfig;

/**
 * A device-day as rows of the output tables (schemas in {@link OutputTables}); run on the
 * executors, one device-day at a time.
 */
final class ResultRows {
  private ResultRows() {}

  static Row daily(HomeDeviceDay d) {
    DeviceDayResult r = d.day();
    return RowFactory.create(
        d.home(),
        r.date(),
        r.deviceId(),
        r.appliance(),
        r.kind(),
        r.kwh(),
        r.cost(),
        r.peakW(),
        r.meanW(),
        r.standbyW(),
        r.standbyKwh(),
        r.standbyCost(),
        r.onSeconds(),
        r.readings(),
        r.coverage(),
        r.gaps(),
        r.cycles(),
        r.duplicates(),
        r.outOfRange());
  }

  static List<Row> hourly(HomeDeviceDay d, HomeConfig config) {
    DeviceDayResult r = d.day();
    DayGrid grid = DayGrid.of(r.date(), config.home().timezone(), config.tariff());
    List<Row> rows = new ArrayList<>(grid.hours());
    for (int h = 0; h < grid.hours(); h++) {
      rows.add(
          RowFactory.create(
              d.home(),
              r.date(),
              grid.hourStart(h).getHour(),
              grid.hourStart(h).toInstant(),
              r.deviceId(),
              r.appliance(),
              r.hourlyKwh()[h],
              r.hourlyCost()[h]));
    }
    return rows;
  }

  static List<Row> states(HomeDeviceDay d) {
    DeviceDayResult r = d.day();
    List<Row> rows = new ArrayList<>();
    for (StateTotal s : r.states()) {
      rows.add(
          RowFactory.create(
              d.home(),
              r.date(),
              r.deviceId(),
              r.appliance(),
              s.state(),
              s.seconds(),
              s.kwh(),
              s.entries()));
    }
    return rows;
  }

  static Row anomaly(String home, AnomalyRow a) {
    return RowFactory.create(
        home,
        a.date(),
        a.deviceId(),
        a.appliance(),
        OutputTables.instant(a.finding().startUs()),
        OutputTables.instant(a.finding().endUs()),
        a.finding().kind(),
        a.finding().detail());
  }
}
