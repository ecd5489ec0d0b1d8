package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A real HTTP client against a running simulator: wire format, auth, paths and listing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParticleCloudSimulatorIT {
  static final String TOKEN = "good-token";
  static final String FRIDGE = "34003d000547363332363639";
  static final String MICROWAVE = "2a0031000447363339343638";
  static final String PI = "1e0032000a47363433353735";
  static final Pattern PUBLISHED_AT =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");

  ParticleCloudSimulator cloud;

  @BeforeAll
  void start() {
    cloud =
        ParticleCloudSimulator.builder()
            .tokens(Set.of(TOKEN))
            .seed(42)
            .speed(600)
            .events(Set.of(ReadingEvent.values()))
            .build()
            .start();
  }

  @AfterAll
  void stop() {
    cloud.close();
  }

  URI uri(String path) {
    return cloud.baseUri().resolve(path);
  }

  List<SseClient.Event> read(String path, int n) throws Exception {
    try (SseClient client = SseClient.open(uri(path), TOKEN)) {
      assertThat(client.status()).isEqualTo(200);
      return client.events(n);
    }
  }

  /** The blocks of one capture of particle_sse_captures.txt, between its "----" lines. */
  static String capture(int number) throws IOException {
    try (InputStream in =
        ParticleCloudSimulatorIT.class.getResourceAsStream("/simulate/particle_sse_captures.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String[] parts = text.split("(?m)^----\n");
      // parts: preamble, capture 1, note, capture 2, note, capture 3, rest
      return parts[2 * number - 1];
    }
  }

  /** An event block with its values replaced by placeholders: what must match a real capture. */
  static String shape(String block) {
    return block
        .replaceAll("event: [^\n]+", "event: NAME")
        .replaceAll("\"data\":\"(\\\\.|[^\"\\\\])*\"", "\"data\":TEXT")
        .replaceAll("\"published_at\":\"[^\"]+\"", "\"published_at\":TIME")
        .replaceAll("\"coreid\":\"[0-9a-f]{24}\"", "\"coreid\":ID")
        .replaceAll("\"userid\":\"[0-9a-f]{24}\"", "\"userid\":ID")
        .replaceAll("\"version\":\\d+", "\"version\":N")
        .replaceAll("\"productID\":\\d+", "\"productID\":N");
  }

  @Nested
  class WireFormat {
    @Test
    void theStreamOpensWithTheGreetingOfTheRealCaptures() throws Exception {
      // The real streams (captures 1 and 2) begin with ":ok" and a blank line.
      assertThat(capture(1)).startsWith(":ok\n\n");
      assertThat(capture(2)).startsWith(":ok\n\n");
      try (SseClient client = SseClient.open(uri("/v1/devices/events"), TOKEN)) {
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.response.headers().firstValue("Content-Type"))
            .hasValue("text/event-stream");
        assertThat(new String(client.readBytes(5), StandardCharsets.US_ASCII)).isEqualTo(":ok\n\n");
      }
    }

    @Test
    void anEventHasExactlyTheBytesOfARealCaptureWithNumericTtl() throws Exception {
      String real = capture(2).split("\n\n", 2)[1].strip().split("\n\n")[0] + "\n\n";
      try (SseClient client = SseClient.open(uri("/v1/devices/events/power"), TOKEN)) {
        assertThat(client.nextBlock()).isEqualTo(":ok\n\n");
        String block = client.nextBlock();
        while (block.equals("\n")) {
          block = client.nextBlock();
        }
        assertThat(shape(block)).isEqualTo(shape(real));
        Matcher m =
            Pattern.compile(
                    "event: power\ndata: \\{\"data\":\"(\\d+\\.\\d)\",\"ttl\":60,\"published_at\":\"([^\"]+)\",\"coreid\":\"([0-9a-f]{24})\"}\n\n")
                .matcher(block);
        assertThat(m.matches()).as(block).isTrue();
        assertThat(m.group(2)).matches(PUBLISHED_AT);
        assertThat(m.group(3)).isIn(FRIDGE, MICROWAVE, PI);
      }
    }

    @Test
    void eventFieldsHaveTheCloudsTypes() throws Exception {
      for (SseClient.Event e : read("/v1/devices/events", 60)) {
        JsonNode d = e.data();
        assertThat(d.get("ttl").isInt()).isTrue();
        assertThat(d.get("ttl").asInt()).isEqualTo(60);
        assertThat(d.get("data").isTextual()).isTrue();
        assertThat(Double.parseDouble(d.get("data").asText())).isGreaterThanOrEqualTo(0);
        assertThat(e.publishedAt()).matches(PUBLISHED_AT);
        assertThat(e.coreid()).isIn(FRIDGE, MICROWAVE, PI);
        List<String> keys = new ArrayList<>();
        d.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("data", "ttl", "published_at", "coreid");
      }
    }

    @Test
    void publishedAtIsStrictlyIncreasingPerDevice() throws Exception {
      Map<String, String> last = new HashMap<>();
      for (SseClient.Event e : read("/v1/devices/events", 300)) {
        String previous = last.put(e.coreid(), e.publishedAt());
        if (previous != null) {
          // same fixed-width ISO format, so text order is time order
          assertThat(e.publishedAt()).isGreaterThan(previous);
        }
      }
      assertThat(last).containsOnlyKeys(FRIDGE, MICROWAVE, PI);
    }
  }

  @Nested
  class Tokens {
    @Test
    void noTokenIs401WithParticlesErrorBody() throws Exception {
      HttpResponse<String> response = SseClient.get(uri("/v1/devices/events"), null);
      assertThat(response.statusCode()).isEqualTo(401);
      JsonNode body = SseClient.JSON.readTree(response.body());
      assertThat(body.get("error").asText()).isEqualTo("invalid_token");
      assertThat(body.get("error_description").asText())
          .isEqualTo("The access token provided is invalid.");
    }

    @Test
    void aWrongTokenIs401() throws Exception {
      HttpResponse<String> response = SseClient.get(uri("/v1/devices/events"), "bad-token");
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(response.body()).contains("invalid_token");
      assertThat(SseClient.get(uri("/v1/devices"), "bad-token").statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenMayComeAsAccessTokenQuery() throws Exception {
      try (SseClient client =
          SseClient.open(uri("/v1/devices/events?access_token=" + TOKEN), null)) {
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.nextEvent().name()).isNotEmpty();
      }
      try (SseClient client = SseClient.open(uri("/v1/devices/events?access_token=nope"), null)) {
        assertThat(client.status()).isEqualTo(401);
      }
    }

    @Test
    void withoutConfiguredTokensAnyNonEmptyTokenPasses() throws Exception {
      try (ParticleCloudSimulator open = ParticleCloudSimulator.builder().build().start()) {
        assertThat(open.acceptsAnyToken()).isTrue();
        URI events = open.baseUri().resolve("/v1/devices");
        assertThat(SseClient.get(events, "anything").statusCode()).isEqualTo(200);
        assertThat(SseClient.get(events, null).statusCode()).isEqualTo(401);
      }
    }
  }

  @Nested
  class Paths {
    @Test
    void allDevicesWithPrefixes() throws Exception {
      Set<String> all = names(read("/v1/devices/events", 60));
      assertThat(all).containsExactlyInAnyOrder("power", "rms_current", "rms_voltage");
      assertThat(names(read("/v1/devices/events/rms", 60)))
          .containsExactlyInAnyOrder("rms_current", "rms_voltage");
      assertThat(names(read("/v1/devices/events/power", 30))).containsExactly("power");
      assertThat(read("/v1/devices/events/power", 60).stream().map(SseClient.Event::coreid))
          .contains(FRIDGE, MICROWAVE, PI);
    }

    @Test
    void publicEventsPathFiltersByPrefix() throws Exception {
      assertThat(names(read("/v1/events/rms_v", 30))).containsExactly("rms_voltage");
    }

    @Test
    void deviceScopedPathsStreamOnlyThatDevice() throws Exception {
      List<SseClient.Event> events = read("/v1/devices/" + MICROWAVE + "/events", 30);
      assertThat(events).hasSize(30).allMatch(e -> e.coreid().equals(MICROWAVE));
      assertThat(names(events)).containsExactlyInAnyOrder("power", "rms_current", "rms_voltage");
      List<SseClient.Event> power = read("/v1/devices/" + FRIDGE + "/events/pow", 20);
      assertThat(power)
          .hasSize(20)
          .allMatch(e -> e.coreid().equals(FRIDGE) && e.name().equals("power"));
    }

    @Test
    void anUnknownDeviceIs404() throws Exception {
      HttpResponse<String> response =
          SseClient.get(uri("/v1/devices/ffffffffffffffffffffffff/events"), TOKEN);
      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(SseClient.get(uri("/v2/nothing"), TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void productStreamsAddTheProductFieldsInTheCloudsOrder() throws Exception {
      String real = capture(3).strip() + "\n\n";
      List<SseClient.Event> events = read("/v1/products/13961/events/power", 20);
      assertThat(events).hasSize(20);
      for (SseClient.Event e : events) {
        assertThat(shape(e.raw())).isEqualTo(shape(real));
        assertThat(e.data().get("productID").asLong()).isEqualTo(13961);
        assertThat(e.data().get("public").isBoolean()).isTrue();
        assertThat(e.data().get("version").isInt()).isTrue();
        assertThat(e.data().get("userid").asText()).matches("[0-9a-f]{24}");
      }
      SseClient.Event slug = read("/v1/products/my-product/events/", 1).get(0);
      assertThat(slug.data().get("productID").asLong()).isEqualTo(20115);
    }
  }

  @Nested
  class Listing {
    @Test
    void listsTheHomesDevicesLikeParticle() throws Exception {
      HttpResponse<String> response = SseClient.get(uri("/v1/devices"), TOKEN);
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode list = SseClient.JSON.readTree(response.body());
      assertThat(list.isArray()).isTrue();
      Map<String, JsonNode> byId = new HashMap<>();
      for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
        JsonNode d = it.next();
        byId.put(d.get("id").asText(), d);
      }
      assertThat(byId).containsOnlyKeys(FRIDGE, MICROWAVE, PI);
      assertThat(byId.get(FRIDGE).get("name").asText()).isEqualTo("fridge");
      for (JsonNode d : byId.values()) {
        assertThat(d.get("connected").asBoolean()).isTrue();
        assertThat(d.get("last_heard").asText()).matches(PUBLISHED_AT);
        assertThat(d.has("platform_id")).isTrue();
      }
      HttpResponse<String> one = SseClient.get(uri("/v1/devices/" + PI), TOKEN);
      assertThat(SseClient.JSON.readTree(one.body()).get("name").asText())
          .isEqualTo("raspberry_pi");
    }
  }

  static Set<String> names(List<SseClient.Event> events) {
    return events.stream().map(SseClient.Event::name).collect(Collectors.toSet());
  }
}
