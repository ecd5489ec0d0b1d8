package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Each fault mode, as a real client sees it. */
@Timeout(60)
class FaultInjectionIT {
  static ParticleCloudSimulator cloud(Fault... faults) {
    return ParticleCloudSimulator.builder()
        .speed(600)
        .keepAlive(Duration.ofMillis(100))
        .faults(java.util.List.of(faults))
        .build()
        .start();
  }

  static URI events(ParticleCloudSimulator cloud) {
    return cloud.baseUri().resolve("/v1/devices/events");
  }

  @Test
  void dropCutsTheStreamWithoutAProperEnd() throws Exception {
    try (ParticleCloudSimulator cloud = cloud(Fault.parse("drop@300ms"))) {
      try (SseClient client = SseClient.open(events(cloud), "t")) {
        assertThat(client.nextEvent()).isNotNull();
        // a network drop: the chunked body never ends properly, so the client gets an error
        assertThatThrownBy(
                () -> {
                  while (client.nextBlock() != null) {
                    // keep reading until the cut
                  }
                })
            .isInstanceOf(IOException.class);
      }
      assertThat(cloud.faultsInjected()).isEqualTo(1);
      // once only: the next connection streams normally
      try (SseClient again = SseClient.open(events(cloud), "t")) {
        assertThat(again.events(5)).hasSize(5);
      }
    }
  }

  @Test
  void injectDropsOpenStreamsNow() throws Exception {
    try (ParticleCloudSimulator cloud = cloud();
        SseClient client = SseClient.open(events(cloud), "t")) {
      assertThat(client.nextEvent()).isNotNull();
      cloud.inject(Fault.of(Fault.Kind.DROP, Duration.ZERO));
      assertThatThrownBy(
              () -> {
                while (client.nextBlock() != null) {
                  // until the cut
                }
              })
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void stallSendsNothingAndTheEventsOfTheStallAreLost() throws Exception {
    try (ParticleCloudSimulator cloud = cloud(Fault.parse("stall@300ms,for=1500ms"));
        SseClient client = SseClient.open(events(cloud), "t")) {
      long longestSilenceNanos = 0;
      long last = System.nanoTime();
      Map<String, Instant> lastPublished = new HashMap<>();
      long longestPublishedGapMs = 0;
      int eventsAfterStall = 0;
      while (eventsAfterStall < 30) {
        String block = client.nextBlock();
        long now = System.nanoTime();
        longestSilenceNanos = Math.max(longestSilenceNanos, now - last);
        last = now;
        if (!block.startsWith("event:")) {
          continue;
        }
        SseClient.Event e = SseClient.parse(block);
        Instant t = Instant.parse(e.publishedAt());
        Instant before = lastPublished.put(e.coreid(), t);
        if (before != null) {
          longestPublishedGapMs =
              Math.max(longestPublishedGapMs, Duration.between(before, t).toMillis());
        }
        if (cloud.faultsInjected() == 1) {
          eventsAfterStall++;
        }
      }
      // not even keep-alives (sent every 100 ms otherwise) for most of the 1.5 s stall
      assertThat(Duration.ofNanos(longestSilenceNanos)).isGreaterThan(Duration.ofMillis(1_000));
      // at speed 600 a 1.5 s stall is 15 simulated minutes; normal gaps are 1-6 s
      assertThat(longestPublishedGapMs).isGreaterThan(600_000);
    }
  }

  @Test
  void errorWindowsAnswerTheirStatusWithRetryAfter() throws Exception {
    try (ParticleCloudSimulator cloud =
        cloud(
            Fault.parse("503@0s,for=1h,retry-after=7s"),
            Fault.parse("429@0s,for=1h"),
            Fault.parse("500@0s,for=1h"))) {
      // the first window that covers a request decides: 503 here
      HttpResponse<String> response = SseClient.get(events(cloud), "t");
      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
    }
    try (ParticleCloudSimulator cloud = cloud(Fault.parse("429@0s,for=1h"))) {
      HttpResponse<String> response = SseClient.get(events(cloud), "t");
      assertThat(response.statusCode()).isEqualTo(429);
      assertThat(response.headers().firstValue("Retry-After")).hasValue("3600");
    }
    try (ParticleCloudSimulator cloud = cloud(Fault.parse("500@0s,for=1h"))) {
      HttpResponse<String> response = SseClient.get(events(cloud), "t");
      assertThat(response.statusCode()).isEqualTo(500);
      assertThat(response.headers().firstValue("Retry-After")).isEmpty();
      assertThat(response.body()).contains("Internal Server Error");
    }
  }

  @Test
  void anErrorWindowEnds() throws Exception {
    try (ParticleCloudSimulator cloud = cloud(Fault.parse("503@0s,for=300ms"))) {
      assertThat(SseClient.get(events(cloud).resolve("/v1/devices"), "t").statusCode())
          .isEqualTo(503);
      int status = 0;
      for (int i = 0; i < 100 && status != 200; i++) {
        Thread.sleep(50);
        status = SseClient.get(events(cloud).resolve("/v1/devices"), "t").statusCode();
      }
      assertThat(status).isEqualTo(200);
    }
  }

  @Test
  void malformedSendsCutOffJsonAndTheStreamGoesOn() throws Exception {
    try (ParticleCloudSimulator cloud = cloud(Fault.parse("malformed@200ms"));
        SseClient client = SseClient.open(events(cloud), "t")) {
      String bad = null;
      int goodAfter = 0;
      while (goodAfter < 5) {
        String block = client.nextBlock();
        if (!block.startsWith("event:")) {
          continue;
        }
        String data = block.substring(block.indexOf("data: ") + 6).strip();
        boolean parses = isJson(data);
        if (!parses) {
          bad = block;
        } else if (bad != null) {
          goodAfter++;
        }
      }
      assertThat(bad).startsWith("event: power\ndata: {").endsWith("\n\n");
    }
  }

  @Test
  void oversizedSendsAHugeButValidEvent() throws Exception {
    try (ParticleCloudSimulator cloud = cloud(Fault.parse("oversized@200ms,size=100000"));
        SseClient client = SseClient.open(events(cloud), "t")) {
      SseClient.Event big = null;
      for (int i = 0; i < 5_000 && big == null; i++) {
        SseClient.Event e = client.nextEvent();
        if (e.value().length() > 1_000) {
          big = e;
        }
      }
      assertThat(big).isNotNull();
      assertThat(big.value()).hasSize(100_000);
      assertThat(big.raw().length()).isGreaterThan(100_000);
      assertThat(client.nextEvent()).isNotNull();
    }
  }

  @Test
  void faultsRepeatOnTheirSchedule() throws Exception {
    try (ParticleCloudSimulator cloud = cloud(Fault.parse("malformed@100ms,every=100ms,times=3"));
        SseClient client = SseClient.open(events(cloud), "t")) {
      int bad = 0;
      while (cloud.faultsInjected() < 3 || bad < 3) {
        String block = client.nextBlock();
        if (block.startsWith("event:") && !isJson(block.substring(block.indexOf("data: ") + 6))) {
          bad++;
        }
      }
      Thread.sleep(400);
      assertThat(bad).isEqualTo(3);
      assertThat(cloud.faultsInjected()).isEqualTo(3);
    }
  }

  static boolean isJson(String text) {
    try {
      SseClient.JSON.readTree(text);
      return true;
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
