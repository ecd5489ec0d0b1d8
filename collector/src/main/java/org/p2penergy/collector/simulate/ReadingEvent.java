package org.p2penergy.collector.simulate;

import java.util.Locale;

/**
 * The events the original firmware published for each reading. A Photon publishes them one after
 * the other, so the cloud stamps them a few tens of milliseconds apart (the offsets below), which
 * also keeps {@code published_at} strictly increasing per device.
 */
public enum ReadingEvent {
  POWER("power", 0),
  RMS_CURRENT("rms_current", 40),
  RMS_VOLTAGE("rms_voltage", 80);

  /** The firmware reported currents assuming this voltage. */
  static final double ASSUMED_VOLTAGE = 120;

  private final String eventName;
  private final long offsetMillis;

  ReadingEvent(String eventName, long offsetMillis) {
    this.eventName = eventName;
    this.offsetMillis = offsetMillis;
  }

  public String eventName() {
    return eventName;
  }

  long offsetMillis() {
    return offsetMillis;
  }

  /** The data text of this event for a reading of {@code watts}. */
  String data(double watts) {
    return switch (this) {
      case POWER -> SseFormat.oneDecimal(watts);
      case RMS_CURRENT -> String.format(Locale.ROOT, "%.3f", watts / ASSUMED_VOLTAGE);
      case RMS_VOLTAGE -> SseFormat.oneDecimal(ASSUMED_VOLTAGE);
    };
  }

  /** Parses an event name as written on the command line. */
  public static ReadingEvent fromName(String name) {
    for (ReadingEvent event : values()) {
      if (event.eventName.equals(name)) {
        return event;
      }
    }
    throw new IllegalArgumentException(
        "unknown event '" + name + "', expected power, rms_current or rms_voltage");
  }
}
