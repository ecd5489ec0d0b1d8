package org.p2penergy.reports.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.p2penergy.home.layout.DataLayout;

/**
 * Writes a small summary.json for a day, as analyze would. The fridge uses day-of-month / 10 kWh at
 * $0.10 per kWh, so the 27th is 2.70 kWh and $0.27: tests derive expected subjects from that.
 */
final class SummaryFixtures {
  private SummaryFixtures() {}

  static double kwh(LocalDate day) {
    return day.getDayOfMonth() / 10.0;
  }

  static void write(Path dataDir, LocalDate day) {
    double kwh = kwh(day);
    String json =
        String.format(
            Locale.ROOT,
            """
            {"schema_version": 1, "date": "%s", "generated_at": "%sT07:00:00Z",
             "home": {"name": "Demo home", "timezone": "America/New_York", "currency": "USD"},
             "day": {"start": "%sT00:00-05:00", "end": "%sT00:00-05:00", "hours": 24},
             "totals": {"kwh": %.3f, "cost": %.3f, "standby_kwh": 0, "standby_cost": 0, "coverage": 1},
             "appliances": [
               {"device_id": "34003d000547363332363639", "appliance": "Fridge", "kind": "fridge",
                "kwh": %.3f, "cost": %.3f, "peak_w": 160, "mean_w": 50, "standby_w": 20,
                "standby_kwh": 0, "standby_cost": 0, "on_seconds": 3600, "readings": 21600,
                "coverage": 1, "gaps": 0, "cycles": 10}],
             "hourly": [], "power_curve": [], "states": [], "state_timeline": [],
             "anomalies": [], "history": [],
             "data_quality": {"coverage": 1, "outages": [], "quarantined": 0,
              "quarantine_reasons": {}, "duplicates": 0, "unreadable_files": []}}
            """,
            day,
            day.plusDays(1),
            day,
            day.plusDays(1),
            kwh,
            kwh / 10,
            kwh,
            kwh / 10);
    try {
      Path dir = Files.createDirectories(dataDir.resolve(DataLayout.of("home").reportDir(day)));
      Files.writeString(dir.resolve("summary.json"), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
