package org.p2penergy.notebooks.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.p2penergy.collector.store.Reading;

/**
 * Turns a {@link DayPlan} into what the sensors would have published: one {@code power} reading per
 * device every ~4 s (plus the fridge's {@code rms_current}), the noise floor and a little noise
 * added, nothing while the stream or a sensor was down ({@code silent}).
 */
public final class TraceSampler {

  private final List<Episode> silent;

  /** {@code silent}: outages (any device id) and sensor-offline windows (one device). */
  public TraceSampler(List<Episode> silent) {
    this.silent = List.copyOf(silent);
  }

  public void sample(DayPlan plan, Consumer<Reading> out) {
    LocalDate date = plan.date();
    Instant dayStart = date.atStartOfDay(DemoHome.ZONE).toInstant();
    Instant dayEnd = date.plusDays(1).atStartOfDay(DemoHome.ZONE).toInstant();
    Random noise = new Random(date.toEpochDay());
    sampleDevice(DemoHome.FRIDGE, dayStart, dayEnd, 137, noise, t -> fridgeWatts(plan, t), out);
    sampleDevice(
        DemoHome.MICROWAVE, dayStart, dayEnd, 1511, noise, t -> microwaveWatts(plan, t), out);
    sampleDevice(DemoHome.PI, dayStart, dayEnd, 2903, noise, t -> DemoHome.PI_W, out);
  }

  /** The true load of the fridge at {@code t}, before the noise floor. */
  public static double fridgeWatts(DayPlan plan, Instant t) {
    for (Episode run : plan.compressorRuns()) {
      if (run.covers(t)) {
        return t.isBefore(run.start().plusSeconds(DemoHome.SURGE_SECONDS))
            ? DemoHome.FRIDGE_SURGE_W
            : DemoHome.FRIDGE_COOLING_W;
      }
    }
    for (Episode door : plan.doorOpenings()) {
      if (door.covers(t)) {
        return DemoHome.FRIDGE_DOOR_OPEN_W;
      }
    }
    return DemoHome.FRIDGE_IDLE_W;
  }

  public static double microwaveWatts(DayPlan plan, Instant t) {
    for (Episode session : plan.sessions()) {
      if (session.covers(t)) {
        return session.watts();
      }
    }
    return 0;
  }

  private void sampleDevice(
      String deviceId,
      Instant dayStart,
      Instant dayEnd,
      long phaseMillis,
      Random noise,
      java.util.function.Function<Instant, Double> load,
      Consumer<Reading> out) {
    for (Instant t = dayStart.plusMillis(phaseMillis);
        t.isBefore(dayEnd);
        t = t.plusSeconds(DemoHome.PERIOD_S)) {
      if (isSilent(deviceId, t)) {
        continue;
      }
      double watts = load.apply(t) + DemoHome.NOISE_FLOOR_W + noise.nextGaussian() * 0.3;
      watts = Math.max(0, Math.round(watts * 10) / 10.0);
      Instant received = t.plusMillis(150 + noise.nextInt(250));
      out.accept(new Reading(deviceId, "power", t, received, watts));
      if (deviceId.equals(DemoHome.FRIDGE)) {
        double amps = Math.round(watts / DemoHome.VOLTS * 1000) / 1000.0;
        out.accept(new Reading(deviceId, "rms_current", t, received, amps));
      }
    }
  }

  private boolean isSilent(String deviceId, Instant t) {
    for (Episode window : silent) {
      if (window.covers(t) && (window.deviceId() == null || window.deviceId().equals(deviceId))) {
        return true;
      }
    }
    return false;
  }
}
