package org.p2penergy.reports.chart;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.p2penergy.home.summary.DaySummary;

/**
 * The legend of the state timeline: one entry per state, and one per detail where episodes carry
 * one (the microwave's {@code level 6}), so the power level of every session can be read off the
 * chart. States without detail each get a colour; a device's detailed episodes share one colour in
 * shades, light for the lowest number to dark for the highest ("level 2" before "level 10").
 */
record StateLegend(List<Entry> entries) {
  private static final Pattern NUMBER = Pattern.compile("\\d+");

  /** "level 2" before "level 10": by the first number in the text, then the text. */
  private static final Comparator<String> BY_NUMBER =
      Comparator.comparingLong(StateLegend::firstNumber).thenComparing(Comparator.naturalOrder());

  /** One legend line: the series key (its text) and its colour. */
  record Entry(String key, Color color) {}

  /**
   * The legend text of an episode: its state; with a detail {@code heating (level 6)}, or just
   * {@code level 6} when the state only repeats the detail (analytics names microwave states {@code
   * level_6}).
   */
  static String key(DaySummary.StateEpisode e) {
    if (e.detail().isBlank()) {
      return e.state();
    }
    String state = e.state().replace('_', ' ');
    return state.toLowerCase(Locale.ROOT).equals(e.detail().toLowerCase(Locale.ROOT))
        ? e.detail()
        : e.state() + " (" + e.detail() + ")";
  }

  static StateLegend of(List<DaySummary.StateEpisode> episodes) {
    // A family shares a base colour: a plain state, or all detailed episodes of one device.
    Map<String, TreeSet<String>> families = new LinkedHashMap<>();
    for (DaySummary.StateEpisode e : episodes) {
      String family = e.detail().isBlank() ? "state " + e.state() : "device " + e.deviceId();
      families.computeIfAbsent(family, f -> new TreeSet<>(BY_NUMBER)).add(key(e));
    }
    Palette bases = new Palette(List.of());
    Map<String, Color> colors = new LinkedHashMap<>();
    for (Map.Entry<String, TreeSet<String>> family : families.entrySet()) {
      Color base = bases.color(family.getKey());
      List<String> keys = List.copyOf(family.getValue());
      for (int i = 0; i < keys.size(); i++) {
        colors.putIfAbsent(keys.get(i), shade(base, i, keys.size()));
      }
    }
    List<Entry> entries = new ArrayList<>();
    colors.forEach((key, color) -> entries.add(new Entry(key, color)));
    return new StateLegend(List.copyOf(entries));
  }

  /** The {@code i}th of {@code n} shades: from base mixed 55 % with white to base 35 % darker. */
  static Color shade(Color base, int i, int n) {
    if (n <= 1) {
      return base;
    }
    double t = (double) i / (n - 1); // 0 lightest .. 1 darkest
    double white = 0.55 * (1 - t);
    double dark = 0.35 * t;
    return new Color(
        mix(base.getRed(), white, dark),
        mix(base.getGreen(), white, dark),
        mix(base.getBlue(), white, dark));
  }

  private static int mix(int channel, double white, double dark) {
    double lighter = channel + (255 - channel) * white;
    return (int) Math.round(lighter * (1 - dark));
  }

  private static long firstNumber(String text) {
    Matcher m = NUMBER.matcher(text);
    return m.find() && m.group().length() < 18 ? Long.parseLong(m.group()) : Long.MAX_VALUE;
  }
}
