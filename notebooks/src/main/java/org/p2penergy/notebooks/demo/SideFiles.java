package org.p2penergy.notebooks.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.p2penergy.home.config.Home;
import org.p2penergy.home.layout.DataLayout;

/**
 * Writes {@code outages/home=H/D.jsonl} (start, end, reason; named by the UTC date of start) and
 * {@code quarantine/home=H/D.jsonl} (received_at, reason, event, raw) as the collector does.
 */
public final class SideFiles {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The demo home's folders: the config's default home id. */
  private static final DataLayout LAYOUT = DataLayout.of(Home.DEFAULT_ID);

  private SideFiles() {}

  public static void writeOutages(Path dataDir, List<Episode> outages) throws IOException {
    for (Episode outage : outages) {
      ObjectNode line = JSON.createObjectNode();
      line.put("start", outage.start().toString());
      line.put("end", outage.end().toString());
      line.put("reason", outage.state());
      append(dataDir.resolve(LAYOUT.outages()), outage.start(), line);
    }
  }

  public static void writeQuarantine(Path dataDir, List<DemoFaults.QuarantinedEvent> events)
      throws IOException {
    for (DemoFaults.QuarantinedEvent event : events) {
      ObjectNode line = JSON.createObjectNode();
      line.put("received_at", event.receivedAt().toString());
      line.put("reason", event.reason());
      line.put("event", event.event());
      line.put("raw", event.raw());
      append(dataDir.resolve(LAYOUT.quarantine()), event.receivedAt(), line);
    }
  }

  private static void append(Path dir, Instant at, ObjectNode line) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(at.atOffset(ZoneOffset.UTC).toLocalDate() + ".jsonl");
    Files.writeString(
        file,
        JSON.writeValueAsString(line) + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
