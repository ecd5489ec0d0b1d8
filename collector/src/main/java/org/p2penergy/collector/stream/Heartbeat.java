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
 * The last moment the stream was known to be up, kept in {@code DATA/state/collector.json}, and
 * whether the collector then stopped cleanly ({@code "stopped": true}, written only by an orderly
 * end). After a crash, a power cut or a stop, the next start records an outage from there: the time
 * the collector was not running is "no data", not "appliance off", and a clean stop is told from a
 * crash. Written by temp file and rename, so a crash mid-write leaves the previous value.
 */
public final class Heartbeat {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;

  /** What the last run left: the last moment it knew the stream up, and whether it stopped. */
  public record Last(Instant upUntil, boolean stoppedCleanly) {}

  public Heartbeat(Path dataDir) {
    this.file = dataDir.resolve(DataLayout.collectorState());
  }

  /** The last moment the stream was known to be up, if a run left one. */
  public Optional<Instant> read() {
    return last().map(Last::upUntil);
  }

  public Optional<Last> last() {
    try {
      JsonNode node = JSON.readTree(file.toFile());
      JsonNode stopped = node.get("stopped");
      return Optional.of(
          new Last(
              Instant.parse(node.get("stream_up_until").asText()),
              stopped != null && stopped.asBoolean(false)));
    } catch (IOException | RuntimeException e) {
      // Missing (first run) or unreadable: no outage can be claimed, which is the honest answer.
      return Optional.empty();
    }
  }

  /** The collector runs and knew the stream up (or down since) {@code upUntil}. */
  public void write(Instant upUntil) throws IOException {
    AtomicFiles.writeString(file, "{\"stream_up_until\":\"" + upUntil + "\"}\n");
  }

  /** The collector stopped in order at {@code at}: the next start says "collector stopped". */
  public void writeStopped(Instant at) throws IOException {
    AtomicFiles.writeString(file, "{\"stream_up_until\":\"" + at + "\",\"stopped\":true}\n");
  }
}
