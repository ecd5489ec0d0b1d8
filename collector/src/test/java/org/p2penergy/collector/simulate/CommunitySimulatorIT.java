package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@code simulate --homes}: a community on one product stream, as a real client sees it. */
class CommunitySimulatorIT {
  static final Instant START = Instant.parse("2026-11-27T12:00:00Z");
  static final SimulatedCommunity COMMUNITY = SimulatedCommunity.of(5, 6);

  static Set<String> devices() {
    Set<String> ids = new HashSet<>();
    COMMUNITY.homeIds().forEach(h -> ids.addAll(COMMUNITY.deviceIds(h)));
    return ids;
  }

  static List<SseClient.Event> first(double speed, String path, int n) throws Exception {
    try (ParticleCloudSimulator cloud =
            ParticleCloudSimulator.builder()
                .community(COMMUNITY)
                .productId(31337)
                .speed(speed)
                .start(START)
                .holdClockUntilFirstStream(true)
                .build()
                .start();
        SseClient client = SseClient.open(cloud.baseUri().resolve(path), "t")) {
      assertThat(cloud.deviceIds()).containsExactlyInAnyOrderElementsOf(devices());
      return client.events(n);
    }
  }

  @Test
  void theProductStreamCarriesEveryHomesDevicesInTheCloudsFormat() throws Exception {
    String real = ParticleCloudSimulatorIT.capture(3).strip() + "\n\n";
    List<SseClient.Event> events = first(20_000, "/v1/products/31337/events", 2_000);
    assertThat(events).hasSize(2_000);
    Map<String, String> lastSeen = new HashMap<>();
    for (SseClient.Event e : events) {
      assertThat(ParticleCloudSimulatorIT.shape(e.raw()))
          .isEqualTo(ParticleCloudSimulatorIT.shape(real));
      JsonNode d = e.data();
      assertThat(d.get("productID").asLong()).isEqualTo(31337);
      assertThat(d.get("userid").asText()).matches("[0-9a-f]{24}");
      assertThat(e.name()).isEqualTo("power");
      String previous = lastSeen.put(e.coreid(), e.publishedAt());
      if (previous != null) {
        assertThat(e.publishedAt()).isGreaterThan(previous);
      }
    }
    // 24 or so devices publishing every 1-4 s: 2000 events cover a few minutes, every device
    assertThat(lastSeen.keySet()).containsExactlyInAnyOrderElementsOf(devices());
    // a slug names the product by its configured id
    assertThat(
            first(20_000, "/v1/products/sim-community/events", 1)
                .get(0)
                .data()
                .get("productID")
                .asLong())
        .isEqualTo(31337);
  }

  @Test
  void theSameSeedGivesTheSameEventsAtAnySpeed() throws Exception {
    List<String> slow = keys(first(600, "/v1/products/31337/events", 300));
    List<String> fast = keys(first(50_000, "/v1/products/31337/events", 300));
    assertThat(slow).hasSize(300).isEqualTo(fast);
  }

  static List<String> keys(List<SseClient.Event> events) {
    return events.stream().map(e -> e.coreid() + " " + e.publishedAt() + " " + e.value()).toList();
  }

  @Test
  void theListingNamesEachDeviceByItsHomeAndKind() throws Exception {
    try (ParticleCloudSimulator cloud =
        ParticleCloudSimulator.builder().community(COMMUNITY).start(START).build().start()) {
      JsonNode list =
          SseClient.JSON.readTree(
              SseClient.get(cloud.baseUri().resolve("/v1/devices"), "t").body());
      Map<String, String> names = new HashMap<>();
      list.elements()
          .forEachRemaining(d -> names.put(d.get("id").asText(), d.get("name").asText()));
      assertThat(names).hasSameSizeAs(devices());
      String fridge = COMMUNITY.deviceIds("home-002").get(0);
      assertThat(names.get(fridge)).isEqualTo("home-002-fridge");
    }
  }
}
