package org.p2penergy.home.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What sort of appliance a sensor sits on. The default states come from the loads measured by the
 * original project (design.md): the fridge and microwave figures are real measurements.
 */
public enum ApplianceKind {
  FRIDGE(
      List.of(
          new ApplianceState("idle", 20),
          new ApplianceState("door_open", 35),
          new ApplianceState("cooling", 160),
          new ApplianceState("start_surge", 840))),
  MICROWAVE(
      List.of(
          new ApplianceState("off", 0),
          new ApplianceState("level_3", 700),
          new ApplianceState("level_6", 1200),
          new ApplianceState("level_10", 2000))),
  KETTLE(List.of(new ApplianceState("off", 0), new ApplianceState("heating", 2000))),
  WASHING_MACHINE(
      List.of(
          new ApplianceState("off", 0),
          new ApplianceState("standby", 2),
          new ApplianceState("drum", 150),
          new ApplianceState("heating", 2000))),
  COMPUTER(
      List.of(
          new ApplianceState("off", 0),
          new ApplianceState("standby", 3),
          new ApplianceState("on", 90))),
  GENERIC(
      List.of(
          new ApplianceState("off", 0),
          new ApplianceState("standby", 5),
          new ApplianceState("on", 100)));

  private final List<ApplianceState> defaultStates;

  ApplianceKind(List<ApplianceState> defaultStates) {
    this.defaultStates = defaultStates;
  }

  public List<ApplianceState> defaultStates() {
    return defaultStates;
  }

  /** The name used in the config file and in outputs: {@code fridge}, {@code washing_machine}. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static String allConfigNames() {
    return Arrays.stream(values()).map(ApplianceKind::configName).collect(Collectors.joining(", "));
  }

  /** Parses a config name; returns null when there is no such kind. */
  public static ApplianceKind fromConfigName(String name) {
    for (ApplianceKind kind : values()) {
      if (kind.configName().equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
