package org.p2penergy.collector.simulate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.p2penergy.home.config.ApplianceKind;

/**
 * Draws the homes of a simulated community. Home {@code n} (1, 2, ...) is a pure function of (seed,
 * n): its zone goes round New York, Berlin, Los Angeles; its tariff, its appliances (a fridge in
 * every home, then two to four of microwave, kettle, washing machine and computer) and each
 * appliance's parameters are drawn from generators seeded by the seed, the home and the device. So
 * the first ten homes of {@code --homes 100} are {@code --homes 10}.
 */
final class HomeMix {
  static final List<ZoneId> ZONES =
      List.of(
          ZoneId.of("America/New_York"),
          ZoneId.of("Europe/Berlin"),
          ZoneId.of("America/Los_Angeles"));

  private static final long HOME = Seeds.tag("community/home");
  private static final long DEVICE = Seeds.tag("community/device");
  private static final long PARAMS = Seeds.tag("community/params");
  private static final List<ApplianceKind> EXTRAS =
      List.of(
          ApplianceKind.MICROWAVE,
          ApplianceKind.KETTLE,
          ApplianceKind.WASHING_MACHINE,
          ApplianceKind.COMPUTER);

  /** No fixed number of appliances: each home draws 3, 4 or 5. */
  static final int DRAWN_MIX = 0;

  /** Most appliances a home can have: a fridge and every other kind. */
  static final int MAX_APPLIANCES = 1 + 4;

  private HomeMix() {}

  static String homeId(int number) {
    return String.format(Locale.ROOT, "home-%03d", number);
  }

  /** Home {@code number} with its drawn mix of appliances. */
  static CommunityHome home(long seed, int number) {
    return home(seed, number, DRAWN_MIX);
  }

  /**
   * Home {@code number} with exactly {@code appliances} appliances (a fridge and {@code appliances
   * - 1} others, drawn by the same weights), or its drawn mix for {@link #DRAWN_MIX}. Every other
   * draw (zone, tariff, each appliance's parameters) is the same either way.
   */
  static CommunityHome home(long seed, int number, int count) {
    SplittableRandom r = Seeds.random(seed, HOME, number);
    ZoneId zone = ZONES.get((number - 1) % ZONES.size());
    boolean europe = zone.getId().startsWith("Europe/");
    CommunityHome.Tariff tariff =
        switch ((number - 1) % ZONES.size()) {
          case 0 -> new CommunityHome.Tariff(cents(0.19 + 0.06 * r.nextDouble()), 0);
          case 1 -> new CommunityHome.Tariff(cents(0.32 + 0.08 * r.nextDouble()), 0);
          default -> {
            double rate = cents(0.30 + 0.04 * r.nextDouble());
            yield new CommunityHome.Tariff(rate, cents(rate + 0.22));
          }
        };
    List<ApplianceKind> kinds = kinds(r, europe, count);
    List<CommunityHome.Appliance> appliances = new ArrayList<>();
    for (int slot = 0; slot < kinds.size(); slot++) {
      String deviceId = deviceId(seed, number, slot);
      long deviceSeed = Seeds.mix(seed ^ Seeds.tag(deviceId));
      SplittableRandom params = Seeds.random(deviceSeed, PARAMS, 0);
      appliances.add(Appliances.draw(kinds.get(slot), deviceId, deviceSeed, zone, europe, params));
    }
    return new CommunityHome(
        homeId(number),
        "Simulated home " + number,
        zone,
        europe ? "EUR" : "USD",
        tariff,
        appliances);
  }

  /**
   * A fridge, then 2 (45 %), 3 (40 %) or 4 (15 %) of the others, drawn by weight without
   * replacement: microwave 0.5 in Europe and 0.85 in the US, kettle 0.9 and 0.4, washing machine
   * 0.6, computer 0.45. Listed in a fixed order.
   */
  static List<ApplianceKind> kinds(SplittableRandom r, boolean europe, int appliances) {
    double size = r.nextDouble(); // drawn even when fixed: the later draws stay the same
    int extras = appliances != DRAWN_MIX ? appliances - 1 : size < 0.45 ? 2 : size < 0.85 ? 3 : 4;
    double[] weights = {europe ? 0.5 : 0.85, europe ? 0.9 : 0.4, 0.6, 0.45};
    boolean[] chosen = new boolean[EXTRAS.size()];
    for (int k = 0; k < extras; k++) {
      double total = 0;
      for (int i = 0; i < weights.length; i++) total += chosen[i] ? 0 : weights[i];
      double x = r.nextDouble() * total;
      int pick = -1;
      for (int i = 0; i < weights.length; i++) {
        if (!chosen[i]) {
          pick = i; // the last one left also catches rounding at the top end
          x -= weights[i];
          if (x < 0) break;
        }
      }
      chosen[pick] = true;
    }
    List<ApplianceKind> kinds = new ArrayList<>(List.of(ApplianceKind.FRIDGE));
    for (int i = 0; i < chosen.length; i++) {
      if (chosen[i]) kinds.add(EXTRAS.get(i));
    }
    return kinds;
  }

  /**
   * 24 hex digits like a Particle device id: 16 drawn from (seed, home, slot), then the home number
   * (6 digits) and the slot (2), so the ids of one community never collide.
   */
  static String deviceId(long seed, int number, int slot) {
    long drawn = Seeds.mix(Seeds.mix(seed ^ DEVICE) ^ (((long) number << 8) | slot));
    return String.format(Locale.ROOT, "%016x%06x%02x", drawn, number, slot);
  }

  private static double cents(double rate) {
    return Math.round(rate * 100) / 100.0;
  }
}
