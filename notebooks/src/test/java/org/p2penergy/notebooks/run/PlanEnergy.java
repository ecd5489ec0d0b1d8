package org.p2penergy.notebooks.run;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.p2penergy.home.config.Tariff;
import org.p2penergy.notebooks.demo.DayPlan;
import org.p2penergy.notebooks.demo.DemoHome;
import org.p2penergy.notebooks.demo.DemoManifest;
import org.p2penergy.notebooks.demo.Episode;
import org.p2penergy.notebooks.demo.TraceSampler;

/**
 * Expected figures straight from the generator's plan: the true load of each appliance integrated
 * second by second (no sampling, no noise), skipping the seconds when its sensor was silent. The
 * notebooks compute the same from the sampled, noisy Parquet readings, so they agree within a few
 * percent.
 */
final class PlanEnergy {

  private final DemoManifest manifest;

  PlanEnergy(DemoManifest manifest) {
    this.manifest = manifest;
  }

  /** kWh of one device over one local day, and its cost under {@code tariff}. */
  double[] kwhAndCost(String deviceId, DayPlan plan, Tariff tariff) {
    Instant start = plan.date().atStartOfDay(DemoHome.ZONE).toInstant();
    Instant end = plan.date().plusDays(1).atStartOfDay(DemoHome.ZONE).toInstant();
    List<Episode> silent = manifest.faults().silent();
    double joules = 0;
    double cost = 0;
    for (Instant t = start; t.isBefore(end); t = t.plusSeconds(1)) {
      if (isSilent(silent, deviceId, t)) {
        continue;
      }
      double watts = watts(deviceId, plan, t);
      joules += watts;
      cost += watts / 3.6e6 * tariff.rateAt(LocalDateTime.ofInstant(t, DemoHome.ZONE));
    }
    return new double[] {joules / 3.6e6, cost};
  }

  static double watts(String deviceId, DayPlan plan, Instant t) {
    return switch (deviceId) {
      case DemoHome.FRIDGE -> TraceSampler.fridgeWatts(plan, t);
      case DemoHome.MICROWAVE -> TraceSampler.microwaveWatts(plan, t);
      case DemoHome.PI -> DemoHome.PI_W;
      default -> throw new IllegalArgumentException(deviceId);
    };
  }

  private static boolean isSilent(List<Episode> silent, String deviceId, Instant t) {
    for (Episode e : silent) {
      if (e.covers(t) && (e.deviceId() == null || e.deviceId().equals(deviceId))) {
        return true;
      }
    }
    return false;
  }
}
