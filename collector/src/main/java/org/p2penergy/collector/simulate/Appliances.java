package org.p2penergy.collector.simulate;

import java.time.ZoneId;
import java.util.Locale;
import java.util.SplittableRandom;
import org.p2penergy.home.config.ApplianceKind;

/**
 * One community appliance's model parameters, drawn around the measured loads (design.md): fridges
 * of 80–220 W compressors (the measured one: 145 W), surges 5.8 times that (840 / 145), idle 12–25
 * W, an incandescent (15 W) or LED (3 W) light, 40–70 min cycles at 30–50 % duty and their own door
 * habits; microwaves rated 1500–2000 W (level 10; levels 3 and 6 at the measured 35 % and 60 % of
 * it); kettles 2000–3000 W in Europe and 1200–1500 W in the US; washing machines with a 1800–2200 W
 * heater; desktop computers of 60–150 W.
 */
final class Appliances {
  private Appliances() {}

  static CommunityHome.Appliance draw(
      ApplianceKind kind,
      String deviceId,
      long seed,
      ZoneId zone,
      boolean europe,
      SplittableRandom r) {
    return switch (kind) {
      case FRIDGE -> fridge(deviceId, seed, zone, r);
      case MICROWAVE -> microwave(deviceId, seed, zone, r);
      case KETTLE -> kettle(deviceId, seed, zone, europe, r);
      case WASHING_MACHINE -> washingMachine(deviceId, seed, zone, r);
      case COMPUTER -> computer(deviceId, seed, zone, r);
      default -> throw new IllegalArgumentException("no community model for " + kind);
    };
  }

  static CommunityHome.Appliance fridge(
      String deviceId, long seed, ZoneId zone, SplittableRandom r) {
    double cooling = 80 + r.nextInt(141);
    double surge = Math.round(cooling * FridgeModel.SURGE_W / FridgeModel.COOLING_W);
    double idle = 12 + r.nextInt(14);
    double light = r.nextBoolean() ? 15 : 3;
    long slotMin = 40 + r.nextInt(31);
    double duty = 0.30 + 0.20 * r.nextDouble();
    long meanRunMs = Math.round(duty * slotMin * 60) * 1000;
    FridgeModel.Params p =
        new FridgeModel.Params(
            idle,
            light,
            cooling,
            surge,
            slotMin * 60_000,
            FridgeModel.MAX_START_OFFSET_MS,
            meanRunMs - 5 * 60_000,
            meanRunMs + 5 * 60_000,
            0.15 + 0.45 * r.nextDouble(),
            0.08 * r.nextDouble(),
            0.02 + 0.10 * r.nextDouble());
    String text =
        format(
            "%.0f W compressor (%.0f W start surge), %.0f W idle, %.0f W light; %.0f %% duty in"
                + " %d-min cycles; door opened about %.1f times a day",
            cooling,
            surge,
            idle,
            light,
            p.dutyCycle() * 100,
            slotMin,
            17 * p.dayDoorProbability() + 7 * p.nightDoorProbability());
    return new CommunityHome.Appliance(
        deviceId, "Fridge", ApplianceKind.FRIDGE, new FridgeModel(seed, zone, p), text);
  }

  static CommunityHome.Appliance microwave(
      String deviceId, long seed, ZoneId zone, SplittableRandom r) {
    double rated = new double[] {1500, 1700, 2000, 2000}[r.nextInt(4)];
    double usage = 0.4 + 1.2 * r.nextDouble();
    MicrowaveModel.Params p =
        new MicrowaveModel.Params(Math.round(rated * 0.35), Math.round(rated * 0.6), rated, usage);
    String text =
        format(
            "levels 3 / 6 / 10 = %.0f / %.0f / %.0f W; about %.1f sessions a day",
            p.level3W(), p.level6W(), p.level10W(), 3.45 * usage);
    return new CommunityHome.Appliance(
        deviceId, "Microwave", ApplianceKind.MICROWAVE, new MicrowaveModel(seed, zone, p), text);
  }

  static CommunityHome.Appliance kettle(
      String deviceId, long seed, ZoneId zone, boolean europe, SplittableRandom r) {
    double rated = europe ? 2000 + 100 * r.nextInt(11) : 1200 + 100 * r.nextInt(4);
    KettleModel model =
        new KettleModel(seed, zone, new KettleModel.Params(rated, 0.5 + r.nextDouble()));
    String text = format("%.0f W; about %.1f boils a day", rated, model.boilsPerDay());
    return new CommunityHome.Appliance(deviceId, "Kettle", ApplianceKind.KETTLE, model, text);
  }

  static CommunityHome.Appliance washingMachine(
      String deviceId, long seed, ZoneId zone, SplittableRandom r) {
    WashingMachineModel.Params p =
        new WashingMachineModel.Params(
            1800 + 100 * r.nextInt(5),
            150 + 10 * r.nextInt(11),
            300 + 10 * r.nextInt(21),
            r.nextInt(5, 21) / 10.0,
            0.25 + 0.35 * r.nextDouble());
    String text =
        format(
            "heater %.0f W, drum %.0f W, spin %.0f W, standby %.1f W; a cycle on %.0f %% of days",
            p.heaterW(), p.drumW(), p.spinW(), p.standbyW(), p.cyclesPerDay() * 100);
    return new CommunityHome.Appliance(
        deviceId,
        "Washing machine",
        ApplianceKind.WASHING_MACHINE,
        new WashingMachineModel(seed, zone, p),
        text);
  }

  static CommunityHome.Appliance computer(
      String deviceId, long seed, ZoneId zone, SplittableRandom r) {
    ComputerModel.Params p =
        new ComputerModel.Params(
            60 + r.nextInt(91),
            r.nextInt(10, 31) / 10.0,
            0.5 + 0.4 * r.nextDouble(),
            r.nextDouble() < 0.35 ? 0.9 : 0);
    String text =
        format(
            "about %.0f W on, %.1f W standby; evenings %.0f %%, weekday days %.0f %%",
            p.onW(), p.standbyW(), p.eveningProbability() * 100, p.daytimeProbability() * 100);
    return new CommunityHome.Appliance(
        deviceId, "Computer", ApplianceKind.COMPUTER, new ComputerModel(seed, zone, p), text);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
