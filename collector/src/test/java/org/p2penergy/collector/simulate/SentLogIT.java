package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sent log lists exactly what went out, so a test can compare it with what was stored. */
class SentLogIT {
  @Test
  void theLogHoldsEveryEventTheClientReceivedInOrder(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("sent.tsv");
    List<SseClient.Event> received;
    ParticleCloudSimulator cloud =
        ParticleCloudSimulator.builder().speed(2_000).sentLog(log).build().start();
    try (SseClient client = SseClient.open(cloud.baseUri().resolve("/v1/devices/events"), "t")) {
      received = client.events(200);
    } finally {
      cloud.close();
    }
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.startsWith("#")).toList();
    assertThat(lines.size()).isGreaterThanOrEqualTo(200);
    assertThat((long) lines.size()).isEqualTo(cloud.eventsSent());
    for (int i = 0; i < received.size(); i++) {
      SseClient.Event e = received.get(i);
      assertThat(lines.get(i))
          .isEqualTo(String.join("\t", e.coreid(), e.name(), e.publishedAt(), e.value(), "1"));
    }
  }
}
