package org.p2penergy.collector.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.p2penergy.home.io.AtomicFiles;
import org.p2penergy.home.layout.DataLayout;

/**
 * When uploads failed, recorded like the stream's outages ({@code start}, {@code end}, {@code
 * reason}, and the last message as {@code detail}) in {@code upload-outages/home=H/D.jsonl}, the
 * UTC date of the start; analytics does not read these as gaps in the readings. An outage still
 * going on is kept in {@code state/upload/outage.json}, so one that outlives a crash or a restart
 * is recorded from its real start. A new kind of failure (unreachable, then SlowDown) ends one
 * outage and starts the next.
 */
public final class UploadOutages {
  /** An outage going on. */
  public record Open(Instant start, String reason, String detail) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path data;
  private final List<String> homes;
  private Open open;

  public UploadOutages(Path data, List<String> homes) {
    this.data = data;
    this.homes = List.copyOf(homes);
    this.open = load();
  }

  public Open current() {
    return open;
  }

  /**
   * A failure at {@code at}; returns true when it starts an outage (the caller says so once).
   *
   * @throws IOException if the outage cannot be written down (disk full); it is still tracked
   */
  public boolean failed(Instant at, StoreFailure f) throws IOException {
    String reason = f.kind().words();
    if (open != null && open.reason().equals(reason)) {
      open = new Open(open.start(), reason, f.getMessage());
      return false;
    }
    if (open != null) {
      end(at);
    }
    open = new Open(at, reason, f.getMessage());
    save();
    return true;
  }

  /**
   * An upload went through at {@code at}: the outage going on, if any, ends.
   *
   * @return how long it lasted, or null if there was none
   */
  public Duration succeeded(Instant at) throws IOException {
    if (open == null) {
      return null;
    }
    Duration d = Duration.between(open.start(), at);
    end(at);
    return d;
  }

  private void end(Instant at) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    line.put("start", open.start().toString());
    line.put("end", (at.isBefore(open.start()) ? open.start() : at).toString());
    line.put("reason", open.reason());
    line.put("detail", open.detail());
    String day = LocalDate.ofInstant(open.start(), ZoneOffset.UTC) + ".jsonl";
    for (String home : homes) {
      append(data.resolve(DataLayout.of(home).uploadOutages()).resolve(day), line + "\n");
    }
    open = null;
    Files.deleteIfExists(data.resolve(DataLayout.uploadOpenOutage()));
  }

  private void save() throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("start", open.start().toString());
    o.put("reason", open.reason());
    o.put("detail", open.detail());
    AtomicFiles.writeString(data.resolve(DataLayout.uploadOpenOutage()), o + "\n");
  }

  private Open load() {
    Path file = data.resolve(DataLayout.uploadOpenOutage());
    try {
      JsonNode o = JSON.readTree(Files.readString(file));
      return new Open(
          Instant.parse(o.get("start").asText()),
          o.get("reason").asText(),
          o.path("detail").asText(""));
    } catch (IOException | RuntimeException e) {
      return null; // none, or torn: an atomic write is never torn, so none
    }
  }

  private static void append(Path file, String line) throws IOException {
    Files.createDirectories(file.getParent());
    boolean created = Files.notExists(file);
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      ByteBuffer b = ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(false);
    }
    if (created) {
      AtomicFiles.syncDirectory(file.getParent());
    }
  }
}
