package org.p2penergy.reports.chart;

import java.awt.Color;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One colour per appliance, the same in every chart of a report; assigned in first-seen order. */
public final class Palette {
  private static final List<Color> COLORS =
      List.of(
          new Color(0x1F77B4),
          new Color(0xFF7F0E),
          new Color(0x2CA02C),
          new Color(0xD62728),
          new Color(0x9467BD),
          new Color(0x8C564B),
          new Color(0xE377C2),
          new Color(0x7F7F7F),
          new Color(0xBCBD22),
          new Color(0x17BECF));
  private final Map<String, Color> byDevice = new HashMap<>();

  public Palette(List<String> deviceIds) {
    deviceIds.forEach(this::color);
  }

  public Color color(String deviceId) {
    return byDevice.computeIfAbsent(deviceId, d -> COLORS.get(byDevice.size() % COLORS.size()));
  }
}
