package org.p2penergy.collector.simulate;

import java.time.ZoneId;
import java.util.List;
import org.p2penergy.home.config.ApplianceKind;

/**
 * One simulated household of a community: what its home file says (id, name, zone, currency,
 * tariff, appliances) and the load model behind each appliance's sensor.
 */
record CommunityHome(
    String id,
    String name,
    ZoneId zone,
    String currency,
    Tariff tariff,
    List<Appliance> appliances) {

  CommunityHome {
    appliances = List.copyOf(appliances);
  }

  /**
   * A flat rate, or (when {@code peakRate > 0}) {@code rate} with {@code peakRate} on weekdays from
   * 16:00 to 21:00, per kWh.
   */
  record Tariff(double rate, double peakRate) {
    boolean timeOfUse() {
      return peakRate > 0;
    }
  }

  /**
   * One sensor: its Particle device id, its name and kind in the home file, its load, and a line
   * that describes the model's parameters (written as a comment in the home file).
   */
  record Appliance(
      String deviceId, String name, ApplianceKind kind, SteppedLoad load, String description) {}
}
