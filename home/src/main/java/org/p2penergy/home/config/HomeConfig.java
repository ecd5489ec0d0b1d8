package org.p2penergy.home.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Everything {@code p2penergy.yaml} says about one home, parsed and validated once by {@link
 * ConfigLoader} and passed down by constructor.
 */
public record HomeConfig(
    Home home,
    Tariff tariff,
    List<String> powerEvents,
    List<Appliance> appliances,
    ParticleSettings particle,
    CollectorSettings collector,
    Optional<MailSettings> mail,
    ReportSettings reports,
    AnomalySettings anomalies,
    Optional<StorageSettings> storage) {

  public static final List<String> DEFAULT_POWER_EVENTS = List.of("power", "Apparent Power");

  public HomeConfig {
    powerEvents = List.copyOf(powerEvents);
    appliances = List.copyOf(appliances);
  }

  /** The configured appliance for a device, or a generic one named by its id. */
  public Appliance applianceFor(String deviceId) {
    return appliancesById().getOrDefault(deviceId, Appliance.unlisted(deviceId));
  }

  public Map<String, Appliance> appliancesById() {
    return appliances.stream().collect(Collectors.toMap(Appliance::deviceId, Function.identity()));
  }

  public boolean isPowerEvent(String eventName) {
    return powerEvents.contains(eventName);
  }
}
