package org.p2penergy.home.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The {@code appliances:} list, with kind defaults for states. */
final class ApplianceSection {
  private ApplianceSection() {}

  static List<Appliance> parse(ConfigNode top) {
    List<Appliance> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ConfigNode node : top.objectList("appliances")) {
      node.rejectUnknownKeys(
          Set.of("device_id", "name", "kind", "noise_floor_w", "max_gap_s", "states"));
      String deviceId = node.requiredString("device_id");
      if (!seen.add(deviceId)) {
        throw node.error("device_id", "'" + deviceId + "' is listed twice");
      }
      ApplianceKind kind =
          node.parsed(
              "kind",
              ApplianceKind.GENERIC,
              text -> {
                ApplianceKind k = ApplianceKind.fromConfigName(text);
                if (k == null) {
                  throw new IllegalArgumentException(
                      "unknown kind '"
                          + text
                          + "', expected one of "
                          + ApplianceKind.allConfigNames());
                }
                return k;
              });
      double noiseFloor = node.number("noise_floor_w", Appliance.DEFAULT_NOISE_FLOOR_W, 0, 10_000);
      double maxGapS = node.number("max_gap_s", Appliance.DEFAULT_MAX_GAP.toSeconds(), 1, 86_400);
      result.add(
          new Appliance(
              deviceId,
              node.string("name", deviceId),
              kind,
              noiseFloor,
              Duration.ofMillis(Math.round(maxGapS * 1000)),
              states(node, kind)));
    }
    return result;
  }

  private static List<ApplianceState> states(ConfigNode appliance, ApplianceKind kind) {
    List<ConfigNode> nodes = appliance.objectList("states");
    if (nodes.isEmpty()) {
      return kind.defaultStates();
    }
    List<ApplianceState> states = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (ConfigNode node : nodes) {
      node.rejectUnknownKeys(Set.of("name", "watts"));
      String name = node.requiredString("name");
      if (!names.add(name)) {
        throw node.error("name", "state '" + name + "' is listed twice");
      }
      if (!node.has("watts")) {
        throw node.error("watts", "missing");
      }
      states.add(new ApplianceState(name, node.number("watts", 0, 0, 100_000)));
    }
    return states;
  }
}
