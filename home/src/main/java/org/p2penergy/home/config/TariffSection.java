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
    List<ConfigNode> nodes = tou.objectList("windows");
    for (ConfigNode window : nodes) {
      window.rejectUnknownKeys(Set.of("days", "from", "to", "rate"));
      Set<DayOfWeek> days = days(window);
      LocalTime from = window.parsed("from", null, TariffSection::timeOfDay);
      LocalTime to = window.parsed("to", null, TariffSection::timeOfDay);
      if (from == null) throw window.error("from", "missing");
      if (to == null) throw window.error("to", "missing");
      if (from.equals(to)) throw window.error("to", "equals from: the window would be empty");
      if (!window.has("rate")) throw window.error("rate", "missing");
      TariffWindow parsed = new TariffWindow(days, from, to, window.number("rate", 0, 0, 1000));
      for (int j = 0; j < windows.size(); j++) {
        String clash = firstOverlap(windows.get(j), parsed);
        if (clash != null) {
          throw new ConfigException(
              window.path()
                  + ": overlaps "
                  + nodes.get(j).path().substring(tou.path().length() + 1)
                  + " on "
                  + clash
                  + " (each minute has one rate: split or remove a window)");
        }
      }
      windows.add(parsed);
    }
    return new TimeOfUseTariff(defaultRate, windows);
  }

  private static final int DAY_MINUTES = 24 * 60;
  private static final int WEEK_MINUTES = 7 * DAY_MINUTES;

  /** Where two windows first share a minute of the week ({@code MON 17:00}), or null. */
  static String firstOverlap(TariffWindow a, TariffWindow b) {
    boolean[] covered = new boolean[WEEK_MINUTES];
    for (int m : minutes(a)) covered[m] = true;
    int first = Integer.MAX_VALUE;
    for (int m : minutes(b)) {
      if (covered[m]) first = Math.min(first, m);
    }
    if (first == Integer.MAX_VALUE) return null;
    DayOfWeek day = DayOfWeek.of(first / DAY_MINUTES + 1);
    LocalTime time = LocalTime.MIDNIGHT.plusMinutes(first % DAY_MINUTES);
    return day.name().substring(0, 3) + " " + time;
  }

  /** The minutes of the week (0 = Monday 00:00) a window covers. */
  private static List<Integer> minutes(TariffWindow w) {
    int from = w.from().getHour() * 60 + w.from().getMinute();
    int to = w.to().getHour() * 60 + w.to().getMinute();
    int length = to > from ? to - from : DAY_MINUTES - from + to; // to <= from: past midnight
    List<Integer> out = new ArrayList<>();
    for (DayOfWeek day : w.days()) {
      int start = (day.getValue() - 1) * DAY_MINUTES + from;
      for (int i = 0; i < length; i++) out.add((start + i) % WEEK_MINUTES);
    }
    return out;
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
