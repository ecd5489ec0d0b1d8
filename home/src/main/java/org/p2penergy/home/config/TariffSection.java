package org.p2penergy.home.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The {@code tariff:} block: a flat rate or time-of-use windows. */
final class TariffSection {
  private TariffSection() {}

  static Tariff parse(ConfigNode node) {
    if (node == null) {
      return new FlatTariff(0);
    }
    node.rejectUnknownKeys(Set.of("flat", "time_of_use"));
    boolean flat = node.has("flat");
    boolean timeOfUse = node.has("time_of_use");
    if (flat == timeOfUse) {
      throw new ConfigException("tariff: give exactly one of flat or time_of_use");
    }
    if (flat) {
      return new FlatTariff(node.number("flat", 0, 0, 1000));
    }
    ConfigNode tou = node.object("time_of_use");
    tou.rejectUnknownKeys(Set.of("default", "windows"));
    if (!tou.has("default")) {
      throw tou.error("default", "missing (the rate outside every window)");
    }
    double defaultRate = tou.number("default", 0, 0, 1000);
    List<TariffWindow> windows = new ArrayList<>();
    for (ConfigNode window : tou.objectList("windows")) {
      window.rejectUnknownKeys(Set.of("days", "from", "to", "rate"));
      Set<DayOfWeek> days = days(window);
      LocalTime from = window.parsed("from", null, TariffSection::timeOfDay);
      LocalTime to = window.parsed("to", null, TariffSection::timeOfDay);
      if (from == null) throw window.error("from", "missing");
      if (to == null) throw window.error("to", "missing");
      if (from.equals(to)) throw window.error("to", "equals from: the window would be empty");
      if (!window.has("rate")) throw window.error("rate", "missing");
      windows.add(new TariffWindow(days, from, to, window.number("rate", 0, 0, 1000)));
    }
    return new TimeOfUseTariff(defaultRate, windows);
  }

  private static Set<DayOfWeek> days(ConfigNode window) {
    List<String> names = window.stringList("days");
    if (names.isEmpty()) {
      return Set.of(DayOfWeek.values());
    }
    Set<DayOfWeek> days = new HashSet<>();
    for (String name : names) {
      days.add(
          dayOfWeek(name)
              .orElseThrow(
                  () -> window.error("days", "unknown day '" + name + "', expected MON .. SUN")));
    }
    return days;
  }

  /** MON or MONDAY, any case. */
  private static Optional<DayOfWeek> dayOfWeek(String name) {
    String upper = name.toUpperCase(Locale.ROOT);
    for (DayOfWeek day : DayOfWeek.values()) {
      if (day.name().equals(upper) || day.name().substring(0, 3).equals(upper)) {
        return Optional.of(day);
      }
    }
    return Optional.empty();
  }

  private static LocalTime timeOfDay(String text) {
    if (text.equals("24:00")) {
      return LocalTime.MIDNIGHT;
    }
    try {
      return LocalTime.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "' is not a time of day like 16:00");
    }
  }
}
