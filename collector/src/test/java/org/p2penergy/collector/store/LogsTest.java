package org.p2penergy.collector.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsTest {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path data;

  static List<JsonNode> lines(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(
            l -> {
              try {
                return JSON.readTree(l);
              } catch (IOException e) {
                throw new AssertionError(e);
              }
            })
        .toList();
  }

  @Test
  void quarantineLinesGoToTheUtcDateOfReceipt() throws IOException {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T23:59:59Z"));
    try (QuarantineLog q = new QuarantineLog(data, clock, Duration.ZERO)) {
      q.add("home", "bad JSON", "power", "{\"data\":");
      clock.set(Instant.parse("2026-11-28T00:00:01Z"));
      q.add("home", "missing coreid", null, "line\nwith \"quotes\"");
      q.add("home", clock.instant(), "bad value", "power", "x;y", "/tmp/a.csv:12");
      q.add(null, clock.instant(), "device of no home", "power", "{}", null);
      assertThat(q.count()).isEqualTo(4);
    }
    List<JsonNode> day1 = lines(data.resolve("quarantine/home=home/2026-11-27.jsonl"));
    List<JsonNode> day2 = lines(data.resolve("quarantine/home=home/2026-11-28.jsonl"));
    assertThat(day1).hasSize(1);
    assertThat(day1.get(0).get("received_at").asText()).isEqualTo("2026-11-27T23:59:59Z");
    assertThat(day1.get(0).get("reason").asText()).isEqualTo("bad JSON");
    assertThat(day1.get(0).get("raw").asText()).isEqualTo("{\"data\":");
    assertThat(day2).hasSize(2);
    assertThat(day2.get(0).get("event").isNull()).isTrue();
    assertThat(day2.get(0).get("raw").asText()).isEqualTo("line\nwith \"quotes\"");
    assertThat(day2.get(1).get("source").asText()).isEqualTo("/tmp/a.csv:12");
    // What belongs to no home is kept apart from every home's quarantine.
    assertThat(lines(data.resolve("quarantine/unassigned/2026-11-28.jsonl")))
        .singleElement()
        .satisfies(n -> assertThat(n.get("reason").asText()).isEqualTo("device of no home"));
  }

  /** Group fsync: a line is in the file (in the OS, safe from kill -9) before any fsync. */
  @Test
  void groupSyncedLinesAreInTheFileAtOnce() throws IOException {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-27T12:00:00Z"));
    try (QuarantineLog q = new QuarantineLog(data, clock, Duration.ofHours(1))) {
      for (int i = 0; i < 500; i++) {
        q.add(null, "device of no home", "power", "{\"n\":" + i + "}");
      }
      assertThat(lines(data.resolve("quarantine/unassigned/2026-11-27.jsonl")))
          .hasSize(500)
          .last()
          .satisfies(n -> assertThat(n.get("raw").asText()).isEqualTo("{\"n\":499}"));
    }
  }

  @Test
  void outagesAreNamedByTheirStart() throws IOException {
    try (OutageLog o = new OutageLog(data, List.of("home"))) {
      o.add(
          Instant.parse("2026-11-27T23:58:00Z"),
          Instant.parse("2026-11-28T00:03:10Z"),
          "read timeout");
    }
    try (OutageLog o = new OutageLog(data, List.of("home"))) { // appends, does not truncate
      o.add(
          Instant.parse("2026-11-27T03:00:00Z"), Instant.parse("2026-11-27T03:04:10Z"), "HTTP 503");
    }
    List<JsonNode> lines = lines(data.resolve("outages/home=home/2026-11-27.jsonl"));
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).get("start").asText()).isEqualTo("2026-11-27T23:58:00Z");
    assertThat(lines.get(0).get("end").asText()).isEqualTo("2026-11-28T00:03:10Z");
    assertThat(lines.get(0).get("reason").asText()).isEqualTo("read timeout");
    assertThat(lines.get(1).get("reason").asText()).isEqualTo("HTTP 503");
  }
}
