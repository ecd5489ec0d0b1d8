package org.p2penergy.collector.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.p2penergy.home.config.Appliance;
import org.p2penergy.home.io.AtomicFiles;

/**
 * Writes a simulated community's files in the format of the community contract (design.md, "Home
 * file additions", "Community file"), loadable by {@code CommunityLoader}: {@code
 * DIR/community.yaml} (peers 5 homes / 95 % coverage, {@code storage: data}, the homes) and {@code
 * DIR/homes/home-NNN.yaml} (id, name, zone, currency, tariff, the appliances with their device ids,
 * names, kinds, and a comment on each model's parameters).
 */
final class CommunityFiles {
  /** The data folder next to the community file that {@code storage.url} names. */
  static final String DATA = "data";

  static final String COMMUNITY_FILE = "community.yaml";
  static final String HOMES = "homes";

  private CommunityFiles() {}

  /** Writes the files (replacing earlier ones of the same names); returns community.yaml. */
  static Path write(Path dir, SimulatedCommunity community) throws IOException {
    Files.createDirectories(dir.resolve(HOMES));
    for (CommunityHome home : community.homes()) {
      AtomicFiles.writeString(dir.resolve(homeFile(home.id())), homeYaml(home, community.seed()));
    }
    Path file = dir.resolve(COMMUNITY_FILE);
    AtomicFiles.writeString(file, communityYaml(community));
    return file;
  }

  static String homeFile(String homeId) {
    return HOMES + "/" + homeId + ".yaml";
  }

  static String communityYaml(SimulatedCommunity community) {
    StringBuilder y = new StringBuilder();
    y.append("# ")
        .append(community.size())
        .append(" simulated homes: p2penergy simulate --homes ")
        .append(community.size())
        .append(" --seed ")
        .append(community.seed())
        .append('\n');
    y.append("community:\n  name: Simulated community (seed ")
        .append(community.seed())
        .append(")\n");
    y.append("peers:\n");
    y.append("  min_homes: 5                      # compare a kind only across this many homes\n");
    y.append("  min_coverage: 0.95                # an appliance-day counts with this coverage\n");
    y.append("storage:\n");
    y.append("  url: " + DATA + "                         # readings/home=H/date=D/ in ./data\n");
    y.append("homes:\n");
    for (CommunityHome home : community.homes()) {
      y.append("  - ").append(homeFile(home.id())).append('\n');
    }
    return y.toString();
  }

  static String homeYaml(CommunityHome home, long seed) {
    StringBuilder y = new StringBuilder();
    y.append("# ")
        .append(home.id())
        .append(": a simulated home (p2penergy simulate --homes, seed ")
        .append(seed)
        .append(")\n");
    y.append("home:\n");
    y.append("  id: ").append(home.id()).append('\n');
    y.append("  name: ").append(home.name()).append('\n');
    y.append("  timezone: ").append(home.zone().getId()).append('\n');
    y.append("  currency: ").append(home.currency()).append('\n');
    y.append("tariff:\n");
    CommunityHome.Tariff tariff = home.tariff();
    if (tariff.timeOfUse()) {
      y.append("  time_of_use:\n    default: ").append(rate(tariff.rate())).append('\n');
      y.append("    windows: [{days: [MON, TUE, WED, THU, FRI], from: \"16:00\", to: \"21:00\",")
          .append(" rate: ")
          .append(rate(tariff.peakRate()))
          .append("}]\n");
    } else {
      y.append("  flat: ").append(rate(tariff.rate())).append('\n');
    }
    y.append("appliances:\n");
    for (CommunityHome.Appliance a : home.appliances()) {
      y.append("  - device_id: ").append(a.deviceId()).append('\n');
      y.append("    name: ").append(a.name()).append('\n');
      y.append("    kind: ").append(a.kind().configName()).append('\n');
      y.append("    noise_floor_w: ")
          .append(Appliance.DEFAULT_NOISE_FLOOR_W)
          .append("                # the sensor's reading with no load\n");
      y.append("    max_gap_s: ").append(Appliance.DEFAULT_MAX_GAP.toSeconds()).append('\n');
      y.append("    # model: ").append(a.description()).append('\n');
    }
    return y.toString();
  }

  private static String rate(double rate) {
    return String.format(Locale.ROOT, "%.2f", rate);
  }
}
