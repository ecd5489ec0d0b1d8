package org.p2penergy.reports.pdf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.p2penergy.home.layout.DataLayout;

/**
 * Writes realistic summary.json files for the demo home: full 1-minute power curves (1440 values)
 * for a fridge cycling with door openings, a microwave used a few times a day and a Raspberry Pi,
 * with the state episodes, hourly figures and 30 days of history analytics would produce. For the
 * file-size limit and the benchmark; deterministic (fixed seed per day).
 */
public final class RealisticSummaries {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final double RATE = 0.15;
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final String[][] DEVICES = {
    {"34003d000547363332363639", "Fridge", "fridge"},
    {"2a0031000447363339343638", "Microwave", "microwave"},
    {"1e0032000a47363433353735", "Raspberry Pi", "generic"}
  };

  private RealisticSummaries() {}

  /** Writes {@code days} summaries ending {@code end} under {@code dataDir}. */
  public static void write(Path dataDir, LocalDate end, int days) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (LocalDate d = end.minusDays(days - 1); !d.isAfter(end); d = d.plusDays(1)) {
      Path file = dataDir.resolve(DataLayout.of("home").summary(d));
      Files.createDirectories(file.getParent());
      json.writeValue(file.toFile(), day(d));
    }
  }

  static Map<String, Object> day(LocalDate date) {
    ZonedDateTime start = date.atStartOfDay(ZONE);
    ZonedDateTime end = date.plusDays(1).atStartOfDay(ZONE);
    int minutes = (int) java.time.Duration.between(start, end).toMinutes();
    Random random = new Random(date.toEpochDay());
    List<Map<String, Object>> curves = new ArrayList<>();
    List<Map<String, Object>> timeline = new ArrayList<>();
    List<Map<String, Object>> appliances = new ArrayList<>();
    List<Map<String, Object>> hourly = new ArrayList<>();
    double totalKwh = 0;
    double standbyKwh = 0;
    for (String[] device : DEVICES) {
      Double[] w = new Double[minutes];
      double standby = curve(device[2], w, random, start, timeline, device[0]);
      if (device[2].equals("fridge")) {
        for (int m = 600; m < 610; m++) {
          w[m] = null; // a 10-minute gap
        }
      }
      double kwh = 0;
      double peak = 0;
      int on = 0;
      int present = 0;
      double[] hours = new double[25];
      for (int m = 0; m < minutes; m++) {
        if (w[m] != null) {
          kwh += w[m] / 60 / 1000;
          hours[start.plusMinutes(m).getHour()] += w[m] / 60 / 1000;
          peak = Math.max(peak, w[m]);
          on += w[m] > standby + 5 ? 60 : 0;
          present++;
        }
      }
      for (int h = 0; h < 24; h++) {
        hourly.add(
            map(
                "start",
                start.withHour(h).format(ISO),
                "hour",
                h,
                "device_id",
                device[0],
                "kwh",
                round(hours[h]),
                "cost",
                round(hours[h] * RATE)));
      }
      double deviceStandbyKwh = standby * present / 60 / 1000;
      totalKwh += kwh;
      standbyKwh += deviceStandbyKwh;
      appliances.add(
          map(
              "device_id",
              device[0],
              "appliance",
              device[1],
              "kind",
              device[2],
              "kwh",
              round(kwh),
              "cost",
              round(kwh * RATE),
              "peak_w",
              peak,
              "mean_w",
              round(kwh * 1000 / 24),
              "standby_w",
              standby,
              "standby_kwh",
              round(deviceStandbyKwh),
              "standby_cost",
              round(deviceStandbyKwh * RATE),
              "on_seconds",
              on,
              "readings",
              present * 15,
              "coverage",
              round((double) present / minutes),
              "gaps",
              present < minutes ? 1 : 0,
              "cycles",
              timeline.stream().filter(e -> e.get("device_id").equals(device[0])).count()));
      curves.add(
          map(
              "device_id",
              device[0],
              "start",
              start.format(ISO),
              "step_s",
              60,
              "mean_w",
              java.util.Arrays.asList(w)));
    }
    List<Map<String, Object>> history = new ArrayList<>();
    for (int back = 29; back >= 0; back--) {
      LocalDate h = date.minusDays(back);
      for (Map<String, Object> a : appliances) {
        double kwh =
            back == 0
                ? (double) a.get("kwh")
                : round(
                    (double) a.get("kwh")
                        * (0.8 + 0.4 * new Random(h.toEpochDay() + a.hashCode()).nextDouble()));
        history.add(
            map(
                "date",
                h.toString(),
                "device_id",
                a.get("device_id"),
                "appliance",
                a.get("appliance"),
                "kwh",
                kwh,
                "cost",
                round(kwh * RATE)));
      }
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("schema_version", 1);
    summary.put("date", date.toString());
    summary.put("generated_at", end.plusHours(2).toInstant().toString());
    summary.put("home", map("name", "Demo home", "timezone", ZONE.getId(), "currency", "USD"));
    summary.put(
        "day", map("start", start.format(ISO), "end", end.format(ISO), "hours", minutes / 60));
    summary.put(
        "totals",
        map(
            "kwh",
            round(totalKwh),
            "cost",
            round(totalKwh * RATE),
            "standby_kwh",
            round(standbyKwh),
            "standby_cost",
            round(standbyKwh * RATE),
            "coverage",
            round(1 - 10.0 / minutes / 3)));
    summary.put("appliances", appliances);
    summary.put("hourly", hourly);
    summary.put("power_curve", curves);
    summary.put("states", List.of());
    summary.put("state_timeline", timeline);
    summary.put(
        "anomalies",
        List.of(
            map(
                "device_id",
                DEVICES[0][0],
                "appliance",
                "Fridge",
                "kind",
                "door_left_open",
                "start",
                start.plusHours(18).format(ISO),
                "end",
                start.plusHours(18).plusMinutes(7).format(ISO),
                "detail",
                "door open 7 min (threshold 2 min)")));
    summary.put("history", history);
    summary.put(
        "data_quality",
        map(
            "coverage",
            0.998,
            "outages",
            List.of(
                map(
                    "start",
                    start.plusHours(10).toInstant().toString(),
                    "end",
                    start.plusHours(10).plusMinutes(10).toInstant().toString(),
                    "reason",
                    "read timeout")),
            "quarantined",
            2,
            "quarantine_reasons",
            map("bad JSON", 2),
            "duplicates",
            12,
            "unreadable_files",
            List.of()));
    return summary;
  }

  /** Fills one device's minutes; records its episodes; returns its standby watts. */
  private static double curve(
      String kind,
      Double[] w,
      Random random,
      ZonedDateTime start,
      List<Map<String, Object>> timeline,
      String deviceId) {
    switch (kind) {
      case "fridge" -> {
        int m = random.nextInt(30);
        while (m < w.length) {
          int off = 25 + random.nextInt(10);
          int run = 15 + random.nextInt(8);
          for (int i = 0; i < off && m < w.length; i++, m++) {
            w[m] = 14.5 + random.nextInt(10) / 10.0;
          }
          int runStart = m;
          for (int i = 0; i < run && m < w.length; i++, m++) {
            w[m] = i == 0 ? 290.0 + random.nextInt(40) : 105 + random.nextInt(100) / 10.0;
          }
          episode(timeline, deviceId, "cooling", start, runStart, m, "");
        }
        for (int k = 0; k < 6; k++) {
          int at = 360 + random.nextInt(960);
          int len = 1 + random.nextInt(3);
          for (int i = at; i < at + len && i < w.length; i++) {
            w[i] = w[i] + 30;
          }
          episode(timeline, deviceId, "door_open", start, at, at + len, "");
        }
        return 14.5;
      }
      case "microwave" -> {
        java.util.Arrays.fill(w, 2.1);
        int[] levels = {700, 1200, 2000};
        for (int k = 0; k < 4; k++) {
          int at = 420 + k * 240 + random.nextInt(60);
          int len = 2 + random.nextInt(5);
          int level = levels[random.nextInt(3)];
          for (int i = at; i < at + len; i++) {
            w[i] = (double) level;
          }
          episode(timeline, deviceId, "heating", start, at, at + len, "level " + (level / 200));
        }
        return 2.1;
      }
      default -> {
        for (int m = 0; m < w.length; m++) {
          w[m] = 1.0 + random.nextInt(3) / 10.0;
        }
        return 1.0;
      }
    }
  }

  private static void episode(
      List<Map<String, Object>> timeline,
      String device,
      String state,
      ZonedDateTime start,
      int from,
      int to,
      String detail) {
    timeline.add(
        map(
            "device_id",
            device,
            "state",
            state,
            "start",
            start.plusMinutes(from).format(ISO),
            "end",
            start.plusMinutes(to).format(ISO),
            "detail",
            detail));
    timeline.sort(java.util.Comparator.comparing(e -> (String) e.get("start")));
  }

  private static double round(double value) {
    return Math.round(value * 10000) / 10000.0;
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
