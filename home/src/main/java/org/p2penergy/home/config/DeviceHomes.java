package org.p2penergy.home.config;

import java.util.Locale;
import java.util.Map;

/**
 * Which home a device's readings belong to. A collector for one home puts every device there
 * (listed or not: an unlisted device is still that home's sensor); a collector on a community's
 * product stream knows only the listed devices, and a device of no home is quarantined.
 */
public interface DeviceHomes {
  /** The home id of {@code deviceId} (null: not known), or null when it belongs to no home. */
  String homeOf(String deviceId);

  /** Every device to one home. */
  static DeviceHomes single(String homeId) {
    return deviceId -> homeId;
  }

  /** Only the devices in {@code byDevice} (ids compared in lower case, as the collector stores). */
  static DeviceHomes of(Map<String, String> byDevice) {
    Map<String, String> lower = new java.util.HashMap<>();
    byDevice.forEach((device, home) -> lower.put(device.toLowerCase(Locale.ROOT), home));
    return deviceId -> deviceId == null ? null : lower.get(deviceId.toLowerCase(Locale.ROOT));
  }
}
