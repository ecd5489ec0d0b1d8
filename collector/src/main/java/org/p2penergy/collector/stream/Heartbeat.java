package org.p2penergy.collector.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.p2penergy.home.io.AtomicFiles;
import org.p2penergy.home.layout.DataLayout;

/**
 * The last moment the stream was known to be up, kept in {@code DATA/state/collector.json}. After a
 * crash, a power cut or a stop, the next start records an outage from there: the time the collector
 * was not running is "no data", not "appliance off". Written by temp file and rename, so a crash
 * mid-write leaves the previous value.
 */
public final class Heartbeat {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  public Heartbeat(Path dataDir) {
    this.file = dataDir.resolve(DataLayout.collectorState());
  }

  public Optional<Instant> read() {
    try {
      JsonNode node = JSON.readTree(file.toFile());
      return Optional.of(Instant.parse(node.get("stream_up_until").asText()));
    } catch (IOException | RuntimeException e) {
      // Missing (first run) or unreadable: no outage can be claimed, which is the honest answer.
      return Optional.empty();
    }
  }

  public void write(Instant upUntil) throws IOException {
    AtomicFiles.writeString(file, "{\"stream_up_until\":\"" + upUntil + "\"}\n");
  }
}
