package org.p2penergy.home.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommunityLoaderTest {
  @TempDir Path dir;

  private Path home(String file, String id, String... devices) throws Exception {
    StringBuilder yaml = new StringBuilder("home: {id: " + id + ", name: Home " + id + "}\n");
    yaml.append("appliances:\n");
    for (String d : devices) {
      yaml.append("  - {device_id: ").append(d).append(", kind: fridge}\n");
    }
    Path path = dir.resolve(file);
    Files.createDirectories(path.getParent());
    return Files.writeString(path, yaml);
  }

  private Path community(String body) throws Exception {
    return Files.writeString(dir.resolve("community.yaml"), body);
  }

  @Test
  void readsTheHomesRelativeToTheFile() throws Exception {
    home("homes/elm-12.yaml", "elm-12", "aa0000000000000000000001");
    home("homes/elm-14.yaml", "elm-14", "aa0000000000000000000002");
    Path file =
        community(
            """
            community: {name: Elm Street energy group}
            peers: {min_homes: 3, min_coverage: 0.9}
            storage: {url: data}
            homes: [homes/elm-12.yaml, homes/elm-14.yaml]
            """);
    CommunityConfig c = CommunityLoader.load(file);
    assertThat(c.name()).isEqualTo("Elm Street energy group");
    assertThat(c.peers()).isEqualTo(new PeerSettings(3, 0.9));
    assertThat(c.homes())
        .extracting(CommunityConfig.Member::id)
        .containsExactly("elm-12", "elm-14");
    assertThat(c.storage().orElseThrow().url()).isEqualTo(dir.resolve("data").toString());
    assertThat(c.deviceHomes().homeOf("AA0000000000000000000002")).isEqualTo("elm-14");
    assertThat(c.deviceHomes().homeOf("ffff00000000000000000000")).isNull();
  }

  @Test
  void twoHomesWithOneIdAreRefusedNamingBothFiles() throws Exception {
    Path a = home("a.yaml", "elm-12", "aa0000000000000000000001");
    Path b = home("b.yaml", "elm-12", "aa0000000000000000000002");
    Path file = community("homes: [a.yaml, b.yaml]\n");
    assertThatThrownBy(() -> CommunityLoader.load(file))
        .isInstanceOf(ConfigException.class)
        .hasMessage(file + ": homes: " + a + " and " + b + " both have home.id 'elm-12'");
  }

  @Test
  void oneDeviceInTwoHomesIsRefusedNamingBothFiles() throws Exception {
    Path a = home("a.yaml", "elm-12", "aa0000000000000000000001");
    Path b = home("b.yaml", "elm-14", "AA0000000000000000000001");
    Path file = community("homes: [a.yaml, b.yaml]\n");
    assertThatThrownBy(() -> CommunityLoader.load(file))
        .hasMessage(
            file + ": homes: " + a + " and " + b + " both list device_id AA0000000000000000000001");
  }

  @Test
  void fewerThanThreeHomesForAComparisonIsRefused() throws Exception {
    home("a.yaml", "elm-12", "aa0000000000000000000001");
    Path file = community("peers: {min_homes: 2}\nhomes: [a.yaml]\n");
    assertThatThrownBy(() -> CommunityLoader.load(file))
        .hasMessageStartingWith(file + ": peers.min_homes: 2 is too few");
  }

  @Test
  void aBadHomeFileIsNamed() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "home: {timezone: Mars/Olympus}\n");
    Path file = community("homes: [bad.yaml]\n");
    assertThatThrownBy(() -> CommunityLoader.load(file))
        .hasMessageStartingWith(bad + ": home.timezone: unknown time zone");
  }

  @Test
  void aCommunityWithoutHomesIsRefused() throws Exception {
    Path file = community("community: {name: x}\n");
    assertThatThrownBy(() -> CommunityLoader.load(file))
        .hasMessage(file + ": homes: missing: list the home files of the community");
  }
}
