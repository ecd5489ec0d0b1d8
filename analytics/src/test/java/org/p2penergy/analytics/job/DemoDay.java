package org.p2penergy.analytics.job;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.p2penergy.collector.store.Reading;

/**
 * A hand-made day of the demo home (2026-11-27, America/New_York, 24 hours) whose expected figures
 * are worked out in {@link EnergyJobIT} from the description here, not from the code.
 *
 * <ul>
 *   <li>Fridge: 25.5 W raw (20 W after the 5.5 W noise floor) every 30 s from 23:59:30 the day
 *       before to 00:00:00 the day after; door open (40.5 W raw) 08:00:00-08:03:00; compressor run
 *       12:00:00-12:30:00 (845.5 W at 12:00:00, 165.5 W from 12:00:30); no readings between
 *       18:00:00 and 18:20:00; the 06:00:00 reading sent twice; a non-power event at 09:00.
 *   <li>Microwave: 3 W raw every 10 s from 17:00:00 to 17:10:00, 1205.5 W raw 17:02:00-17:04:50.
 *   <li>An unlisted device cafe01: 105.5 W at 10:00:00 and 10:00:30.
 * </ul>
 */
final class DemoDay {
  static final ZoneId ZONE = ZoneId.of("America/New_York");
  static final LocalDate DATE = LocalDate.of(2026, 11, 27);
  static final String FRIDGE = "34003d000547363332363639";
  static final String MICROWAVE = "2a0031000447363339343638";
  static final String UNLISTED = "cafe01";

  static final String CONFIG =
      """
      home: {name: Demo home, timezone: America/New_York, currency: USD}
      tariff: {flat: 0.15}
      appliances:
        - {device_id: 34003d000547363332363639, name: Fridge, kind: fridge, noise_floor_w: 5.5, max_gap_s: 60}
        - {device_id: 2a0031000447363339343638, name: Microwave, kind: microwave}
      """;

  private DemoDay() {}

  static Instant at(String localTime) {
    return DATE.atTime(LocalTime.parse(localTime)).atZone(ZONE).toInstant();
  }

  static List<Reading> readings() {
    List<Reading> out = new ArrayList<>();
    Instant from = at("00:00:00").minusSeconds(30);
    Instant to = at("00:00:00").plusSeconds(86_400);
    for (Instant t = from; !t.isAfter(to); t = t.plusSeconds(30)) {
      if (t.isAfter(at("18:00:00")) && t.isBefore(at("18:20:00"))) {
        continue;
      }
      double w = 25.5;
      if (!t.isBefore(at("08:00:00")) && t.isBefore(at("08:03:00"))) {
        w = 40.5;
      } else if (t.equals(at("12:00:00"))) {
        w = 845.5;
      } else if (t.isAfter(at("12:00:00")) && t.isBefore(at("12:30:00"))) {
        w = 165.5;
      }
      out.add(new Reading(FRIDGE, "power", t, t, w));
    }
    out.add(new Reading(FRIDGE, "power", at("06:00:00"), at("06:00:01"), 25.5));
    out.add(new Reading(FRIDGE, "rms_current", at("09:00:00"), at("09:00:00"), 9999));
    for (Instant t = at("17:00:00"); !t.isAfter(at("17:10:00")); t = t.plusSeconds(10)) {
      boolean cooking = !t.isBefore(at("17:02:00")) && t.isBefore(at("17:05:00"));
      out.add(new Reading(MICROWAVE, "power", t, t, cooking ? 1205.5 : 3));
    }
    out.add(new Reading(UNLISTED, "power", at("10:00:00"), at("10:00:00"), 105.5));
    out.add(new Reading(UNLISTED, "power", at("10:00:30"), at("10:00:30"), 105.5));
    Collections.shuffle(out, new Random(7));
    return out;
  }
}
