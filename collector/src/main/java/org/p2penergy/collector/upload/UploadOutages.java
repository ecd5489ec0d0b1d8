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
import java.util.ArrayList;
import java.util.List;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.home.io.AtomicFiles;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.store.StoreFailure;

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
  private final IoFaults faults;

  /** Lines to append, one per home's file: a retry never writes a line twice. */
  private final List<String[]> unwritten = new ArrayList<>();

  private Open open;

  public UploadOutages(Path data, List<String> homes, IoFaults faults) {
    this.data = data;
    this.homes = List.copyOf(homes);
    this.faults = faults;
    this.open = load();
  }

  /** Outages that ended but could not be written yet (disk full). */
  public int unwritten() {
    return unwritten.size();
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

  /**
   * Ends the outage going on: it is over at once (the status line says so), and written down now
   * or, on a full disk, by a later {@link #flush()}.
   */
  private void end(Instant at) throws IOException {
    ObjectNode line = JSON.createObjectNode();
    line.put("start", open.start().toString());
    line.put("end", (at.isBefore(open.start()) ? open.start() : at).toString());
    line.put("reason", open.reason());
    line.put("detail", open.detail());
    String day = LocalDate.ofInstant(open.start(), ZoneOffset.UTC) + ".jsonl";
    for (String home : homes) {
      unwritten.add(new String[] {DataLayout.of(home).uploadOutages() + "/" + day, line + "\n"});
    }
    open = null;
    flush();
  }

  /** Writes the ended outages that could not be written before. */
  public void flush() throws IOException {
    while (!unwritten.isEmpty()) {
      String[] next = unwritten.get(0);
      append(data.resolve(next[0]), next[1]);
      unwritten.remove(0);
    }
    if (open == null) {
      Files.deleteIfExists(data.resolve(DataLayout.uploadOpenOutage()));
    }
  }

  private void save() throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("start", open.start().toString());
    o.put("reason", open.reason());
    o.put("detail", open.detail());
    Path file = data.resolve(DataLayout.uploadOpenOutage());
    faults.beforeWrite(file);
    AtomicFiles.writeString(file, o + "\n");
  }

  private static boolean endsTorn(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0) {
      return false;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    ch.read(last, size - 1);
    return last.get(0) != '\n';
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

  private void append(Path file, String line) throws IOException {
    Files.createDirectories(file.getParent());
    faults.beforeWrite(file);
    boolean created = Files.notExists(file);
    try (FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      // After a write cut short by a full disk, start on a line of its own.
      long size = ch.size();
      String text = endsTorn(ch) ? "\n" + line : line;
      ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
      while (b.hasRemaining()) {
        size += ch.write(b, size);
      }
      ch.force(false);
    }
    if (created) {
      AtomicFiles.syncDirectory(file.getParent());
    }
  }
}
