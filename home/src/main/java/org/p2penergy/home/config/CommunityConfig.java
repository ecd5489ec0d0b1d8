package org.p2penergy.home.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A community: homes whose readings land in one store and are analysed by one job. Read by {@link
 * CommunityLoader}, which refuses two homes with one id or one device. A single home is a community
 * of one ({@link #of(HomeConfig, Path)}).
 *
 * @param file the community file, or the home file of a community of one
 */
public record CommunityConfig(
    Path file,
    String name,
    PeerSettings peers,
    Optional<StorageSettings> storage,
    List<Member> homes) {

  /** One home of the community: its file and what it says. */
  public record Member(Path file, HomeConfig config) {
    public String id() {
      return config.home().id();
    }
  }

  public CommunityConfig {
    homes = List.copyOf(homes);
  }

  /** One home on its own: no peers to compare with, its own storage block. */
  public static CommunityConfig of(HomeConfig home, Path file) {
    return new CommunityConfig(
        file,
        home.home().name(),
        PeerSettings.defaults(),
        home.storage(),
        List.of(new Member(file, home)));
  }

  public Optional<Member> home(String id) {
    return homes.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  /** Which home each listed device belongs to. */
  public DeviceHomes deviceHomes() {
    Map<String, String> byDevice = new HashMap<>();
    for (Member m : homes) {
      for (Appliance a : m.config().appliances()) {
        byDevice.put(a.deviceId(), m.id());
      }
    }
    return DeviceHomes.of(byDevice);
  }
}
