package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.config.ApplianceKind;
import org.p2penergy.home.config.CommunityConfig;
import org.p2penergy.home.config.CommunityLoader;
import org.p2penergy.home.config.FlatTariff;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.config.TimeOfUseTariff;

/** The homes of {@code simulate --homes N}: seed-derived, varied, and their files load. */
class SimulatedCommunityTest {
  static List<String> describe(CommunityHome home) {
    return home.appliances().stream()
        .map(a -> home.id() + " " + a.deviceId() + " " + a.kind() + " " + a.description())
        .toList();
  }

  @Test
  void homesAreAPureFunctionOfTheSeedAndTheirNumber() {
    SimulatedCommunity six = SimulatedCommunity.of(7, 6);
    SimulatedCommunity again = SimulatedCommunity.of(7, 6);
    SimulatedCommunity hundred = SimulatedCommunity.of(7, 100);
    SimulatedCommunity other = SimulatedCommunity.of(8, 6);
    for (int i = 0; i < 6; i++) {
      assertThat(describe(again.homes().get(i))).isEqualTo(describe(six.homes().get(i)));
      assertThat(describe(hundred.homes().get(i))).isEqualTo(describe(six.homes().get(i)));
      assertThat(describe(six.freshHome(i))).isEqualTo(describe(six.homes().get(i)));
    }
    assertThat(six.homeIds())
        .containsExactly("home-001", "home-002", "home-003", "home-004", "home-005", "home-006");
    assertThat(other.deviceIds("home-001")).doesNotContainAnyElementsOf(six.deviceIds("home-001"));
  }

  @Test
  void deviceIdsAre24HexDigitsAndUnique() {
    SimulatedCommunity community = SimulatedCommunity.of(3, 1_000);
    Set<String> ids = new HashSet<>();
    for (String home : community.homeIds()) {
      for (String id : community.deviceIds(home)) {
        assertThat(id).matches("[0-9a-f]{24}");
        assertThat(ids.add(id)).as(id).isTrue();
      }
    }
    assertThat(ids.size()).isGreaterThanOrEqualTo(3_000);
  }

  @Test
  void homesVaryLikeRealOnes() {
    List<CommunityHome> homes = SimulatedCommunity.of(1, 300).homes();
    for (CommunityHome h : homes) {
      assertThat(h.appliances()).hasSizeBetween(3, 5);
      assertThat(h.appliances().get(0).kind()).isEqualTo(ApplianceKind.FRIDGE);
      assertThat(h.appliances().stream().map(CommunityHome.Appliance::kind).distinct())
          .hasSameSizeAs(h.appliances());
    }
    assertThat(homes.stream().map(CommunityHome::zone).distinct())
        .containsExactlyInAnyOrderElementsOf(HomeMix.ZONES);
    double noMicrowave = share(homes, h -> !has(h, ApplianceKind.MICROWAVE));
    assertThat(noMicrowave).isBetween(0.05, 0.5);
    for (ApplianceKind kind :
        List.of(ApplianceKind.KETTLE, ApplianceKind.WASHING_MACHINE, ApplianceKind.COMPUTER)) {
      assertThat(share(homes, h -> has(h, kind))).as(kind.toString()).isBetween(0.2, 0.9);
    }
    // kettles are weighted 0.9 in Europe against 0.4 in the US
    List<CommunityHome> berlin = homes.stream().filter(h -> h.currency().equals("EUR")).toList();
    List<CommunityHome> us = homes.stream().filter(h -> h.currency().equals("USD")).toList();
    assertThat(share(berlin, h -> has(h, ApplianceKind.KETTLE)))
        .isGreaterThan(share(us, h -> has(h, ApplianceKind.KETTLE)) + 0.15);
    // fridges differ: compressor power and cycle descriptions
    Set<String> fridges =
        homes.stream().map(h -> h.appliances().get(0).description()).collect(Collectors.toSet());
    assertThat(fridges).hasSize(homes.size());
  }

  static boolean has(CommunityHome h, ApplianceKind kind) {
    return h.appliances().stream().anyMatch(a -> a.kind() == kind);
  }

  static double share(List<CommunityHome> homes, Predicate<CommunityHome> p) {
    return homes.stream().filter(p).count() / (double) homes.size();
  }

  @Test
  void theWrittenFilesLoadAsTheCommunityTheyDescribe(@TempDir Path dir) throws Exception {
    SimulatedCommunity community = SimulatedCommunity.of(5, 7);
    Path file = CommunityFiles.write(dir, community);
    assertThat(file).isEqualTo(dir.resolve("community.yaml"));
    CommunityConfig loaded = CommunityLoader.load(file);
    assertThat(loaded.peers().minHomes()).isEqualTo(5);
    assertThat(loaded.peers().minCoverage()).isEqualTo(0.95);
    assertThat(loaded.storage().orElseThrow().localPath()).isEqualTo(dir.resolve("data"));
    assertThat(loaded.homes())
        .extracting(CommunityConfig.Member::id)
        .containsExactlyElementsOf(community.homeIds());
    for (CommunityHome home : community.homes()) {
      HomeConfig config = loaded.home(home.id()).orElseThrow().config();
      assertThat(config.home().timezone()).isEqualTo(home.zone());
      assertThat(config.home().currency()).isEqualTo(home.currency());
      assertThat(config.appliances())
          .extracting(a -> a.deviceId() + " " + a.kind() + " " + a.name() + " " + a.noiseFloorW())
          .containsExactlyElementsOf(
              home.appliances().stream()
                  .map(a -> a.deviceId() + " " + a.kind() + " " + a.name() + " 5.5")
                  .toList());
      if (home.tariff().timeOfUse()) {
        assertThat(config.tariff()).isInstanceOf(TimeOfUseTariff.class);
      } else {
        assertThat(config.tariff()).isEqualTo(new FlatTariff(home.tariff().rate()));
      }
    }
    Map<ZoneId, Long> zones =
        community.homes().stream()
            .collect(Collectors.groupingBy(CommunityHome::zone, Collectors.counting()));
    assertThat(zones).containsOnlyKeys(HomeMix.ZONES).containsValues(3L, 2L);
    assertThat(Files.readString(dir.resolve("homes/home-003.yaml")))
        .contains("timezone: America/Los_Angeles", "time_of_use:", "# model: ");
  }

  @Test
  void aCommunityNeedsOneToMaxHomes() {
    assertThatThrownBy(() -> SimulatedCommunity.of(1, 0))
        .hasMessage("--homes must be 1..9999, got 0");
    assertThat(SimulatedCommunity.of(1, 1).size()).isEqualTo(1);
  }

  /** {@code --appliances 3}: the same homes (zone, tariff, fridge) with exactly three sensors. */
  @Test
  void aFixedNumberOfAppliancesKeepsEverythingElse() {
    List<CommunityHome> drawn = SimulatedCommunity.of(1, 60).homes();
    List<CommunityHome> three = SimulatedCommunity.of(1, 60, 3).homes();
    for (int i = 0; i < drawn.size(); i++) {
      CommunityHome d = drawn.get(i);
      CommunityHome t = three.get(i);
      assertThat(t.appliances()).hasSize(3);
      assertThat(t.appliances().stream().map(CommunityHome.Appliance::kind).distinct()).hasSize(3);
      assertThat(t.zone()).isEqualTo(d.zone());
      assertThat(t.tariff()).isEqualTo(d.tariff());
      assertThat(describe(t).get(0)).isEqualTo(describe(d).get(0)); // the same fridge
    }
    assertThat(SimulatedCommunity.of(1, 2, 1).homes().get(1).appliances())
        .singleElement()
        .extracting(CommunityHome.Appliance::kind)
        .isEqualTo(ApplianceKind.FRIDGE);
    assertThatThrownBy(() -> SimulatedCommunity.of(1, 2, 6))
        .hasMessage("--appliances must be 1..5, got 6");
  }
}
