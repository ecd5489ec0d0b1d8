package org.p2penergy.home.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code community.yaml}: its own keys and every home file it lists (paths relative to the
 * community file). Errors name the file and the key; two homes with the same {@code home.id} or the
 * same {@code device_id} are refused, naming both files.
 */
public final class CommunityLoader {
  private CommunityLoader() {}

  public static CommunityConfig load(Path file) {
    Path base = file.toAbsolutePath().getParent();
    ConfigNode top;
    String name;
    PeerSettings peers;
    Optional<StorageSettings> storage;
    List<String> homeFiles;
    try {
      top = YamlDocument.parse(YamlDocument.read(file), false);
      top.rejectUnknownKeys(Set.of("community", "peers", "storage", "homes"));
      ConfigNode community = top.object("community");
      if (community != null) {
        community.rejectUnknownKeys(Set.of("name"));
      }
      name = community == null ? "Community" : community.string("name", "Community");
      peers = peers(top.object("peers"));
      storage = Optional.ofNullable(top.object("storage")).map(n -> StorageSection.parse(n, base));
      homeFiles = top.stringList("homes");
      if (homeFiles.isEmpty()) {
        throw top.error("homes", "missing: list the home files of the community");
      }
    } catch (ConfigException e) {
      if (e.getMessage().startsWith(file.toString())) throw e;
      throw new ConfigException(file + ": " + e.getMessage());
    }
    List<CommunityConfig.Member> homes = new ArrayList<>();
    Map<String, Path> ids = new HashMap<>();
    Map<String, Path> devices = new HashMap<>();
    for (String relative : homeFiles) {
      Path homeFile = base.resolve(relative).normalize();
      HomeConfig home = ConfigLoader.load(homeFile); // names the home file in its errors
      Path clash = ids.putIfAbsent(home.home().id(), homeFile);
      if (clash != null) {
        throw new ConfigException(
            file
                + ": homes: "
                + clash
                + " and "
                + homeFile
                + " both have home.id '"
                + home.home().id()
                + "'");
      }
      for (Appliance a : home.appliances()) {
        Path other = devices.putIfAbsent(a.deviceId().toLowerCase(java.util.Locale.ROOT), homeFile);
        if (other != null) {
          throw new ConfigException(
              file
                  + ": homes: "
                  + other
                  + " and "
                  + homeFile
                  + " both list device_id "
                  + a.deviceId());
        }
      }
      homes.add(new CommunityConfig.Member(homeFile, home));
    }
    return new CommunityConfig(file, name, peers, storage, homes);
  }

  private static PeerSettings peers(ConfigNode node) {
    if (node == null) {
      return PeerSettings.defaults();
    }
    node.rejectUnknownKeys(Set.of("min_homes", "min_coverage"));
    int minHomes = node.integer("min_homes", PeerSettings.DEFAULT_MIN_HOMES, 1, 1_000_000);
    if (minHomes < PeerSettings.MIN_HOMES_FLOOR) {
      throw node.error(
          "min_homes",
          minHomes
              + " is too few: with fewer than "
              + PeerSettings.MIN_HOMES_FLOOR
              + " homes a comparison would reveal another household's figures");
    }
    return new PeerSettings(
        minHomes, node.number("min_coverage", PeerSettings.DEFAULT_MIN_COVERAGE, 0, 1));
  }
}
