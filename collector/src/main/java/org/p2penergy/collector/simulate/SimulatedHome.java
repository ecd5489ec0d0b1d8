package org.p2penergy.collector.simulate;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The devices the simulated cloud streams: the measured demo home, a community's homes, or one
 * replayed trace.
 */
final class SimulatedHome {
  static final String FRIDGE_ID = "34003d000547363332363639";
  static final String MICROWAVE_ID = "2a0031000447363339343638";
  static final String PI_ID = "1e0032000a47363433353735";

  /** The Raspberry Pi Zero W the sensor hub runs on, measured at 1 W. */
  static final double PI_W = 1;

  private final List<DeviceTimeline> devices;

  SimulatedHome(List<DeviceTimeline> devices) {
    this.devices = List.copyOf(devices);
  }

  static SimulatedHome measured(long seed, ZoneId zone, Set<ReadingEvent> events) {
    return new SimulatedHome(
        List.of(
            new ModelTimeline(FRIDGE_ID, "fridge", new FridgeModel(seed, zone), seed, events),
            new ModelTimeline(
                MICROWAVE_ID, "microwave", new MicrowaveModel(seed, zone), seed, events),
            new ModelTimeline(PI_ID, "raspberry_pi", t -> PI_W, seed, events)));
  }

  /** Every device of every home of {@code community}, listed as {@code home-001-fridge}, ... */
  static SimulatedHome of(SimulatedCommunity community, Set<ReadingEvent> events) {
    List<DeviceTimeline> devices = new ArrayList<>();
    for (CommunityHome home : community.homes()) {
      for (CommunityHome.Appliance a : home.appliances()) {
        String name = home.id() + "-" + a.kind().configName();
        devices.add(new ModelTimeline(a.deviceId(), name, a.load(), community.seed(), events));
      }
    }
    return new SimulatedHome(devices);
  }

  List<DeviceTimeline> devices() {
    return devices;
  }

  Optional<DeviceTimeline> device(String id) {
    return devices.stream().filter(d -> d.deviceId().equals(id)).findFirst();
  }
}
