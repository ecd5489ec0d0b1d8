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

  /** A community whose unreadable home files were left out, and what was wrong with each. */
  public record Tolerant(CommunityConfig community, List<String> brokenHomes) {}

  public static CommunityConfig load(Path file) {
    return load(file, false).community();
  }

  /**
   * The community with every home file that reads; the others are named in {@code brokenHomes} (for
   * a nightly run, where one household's typo must not stop the rest). Errors of the community file
   * itself, and two homes sharing an id or a device, are still refused.
   */
  public static Tolerant loadTolerant(Path file) {
    return load(file, true);
  }

  private static Tolerant load(Path file, boolean tolerant) {
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
    List<String> broken = new ArrayList<>();
    Map<String, Path> ids = new HashMap<>();
    Map<String, Path> devices = new HashMap<>();
    for (String relative : homeFiles) {
      Path homeFile = base.resolve(relative).normalize();
      HomeConfig home;
      try {
        home = ConfigLoader.load(homeFile); // names the home file in its errors
      } catch (ConfigException e) {
        if (!tolerant) throw e;
        broken.add(e.getMessage());
        continue;
      }
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
    return new Tolerant(
        new CommunityConfig(file, name, peers, storage, homes), List.copyOf(broken));
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
