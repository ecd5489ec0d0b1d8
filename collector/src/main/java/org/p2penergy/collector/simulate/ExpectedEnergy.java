package org.p2penergy.collector.simulate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.p2penergy.home.io.AtomicFiles;

/**
 * What the generated readings must add up to, from the models alone ({@link LoadEnergy}), never
 * from the files or the analytics: {@code expected.csv}, one row per home, device and local date of
 * the window, with the day's number of readings and its kWh after the home file's 5.5 W noise
 * floor. That kWh is the left-rule energy of the readings: each reading's (value - floor) held for
 * one second until the next, summed over the readings of that local day, which is the model's power
 * sampled at every whole second of the day ({@link LoadEnergy#sampledWs}) because the pair jitter
 * cancels ({@link SecondReadings}). The last reading of the window has no successor, so the last
 * day's figure lacks that one second.
 */
final class ExpectedEnergy {
  static final String FILE = "expected.csv";
  static final String HEADER = "home,device_id,kind,date,readings,kwh";

  private ExpectedEnergy() {}

  record Row(String home, String deviceId, String kind, LocalDate date, long readings, double kwh) {
    String csv() {
      return String.format(
          Locale.ROOT, "%s,%s,%s,%s,%d,%.9f", home, deviceId, kind, date, readings, kwh);
    }
  }

  static List<Row> rows(SimulatedCommunity community, LocalDate start, int days) {
    List<Row> rows = new ArrayList<>();
    for (CommunityHome home : community.homes()) {
      long windowEnd = start.plusDays(days).atStartOfDay(home.zone()).toInstant().toEpochMilli();
      for (CommunityHome.Appliance a : home.appliances()) {
        for (LocalDate date = start; date.isBefore(start.plusDays(days)); date = date.plusDays(1)) {
          long from = date.atStartOfDay(home.zone()).toInstant().toEpochMilli();
          long to = date.plusDays(1).atStartOfDay(home.zone()).toInstant().toEpochMilli();
          double ws = LoadEnergy.sampledWs(a.load(), from, Math.min(to, windowEnd - 1000), 1000);
          rows.add(
              new Row(
                  home.id(),
                  a.deviceId(),
                  a.kind().configName(),
                  date,
                  (to - from) / 1000,
                  ws / 3.6e6));
        }
      }
    }
    return rows;
  }

  static void write(Path file, List<Row> rows) throws IOException {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Row row : rows) {
      out.append(row.csv()).append('\n');
    }
    AtomicFiles.writeString(file, out.toString());
  }
}
