package org.p2penergy.collector.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.home.io.AtomicFiles;

/**
 * What the store has confirmed, durably: {@code DATA/state/upload/journal.jsonl}, one line per
 * confirmed upload or retention delete ({@code CRC32 JSON}); a delete is fsynced before the file is
 * deleted, confirmations within a second (group commit). The queue itself is not written anywhere:
 * what waits is every local file whose current size and time are not the ones confirmed here, so a
 * file published by the store just before a kill -9 waits like any other and nothing can be
 * enqueued twice or forgotten. A line torn by a power cut fails its CRC and is skipped (that one
 * upload is simply made again, to the same key with the same bytes). The last line for a key wins;
 * the file is rewritten without the dead lines when they outnumber the live ones.
 */
public final class UploadJournal implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final IoFaults faults;
  private final Map<String, JournalEntry> entries = new LinkedHashMap<>();
  private final List<JournalEntry> unwritten = new ArrayList<>();

  /** How long a written confirmation may wait for its fsync. */
  public static final java.time.Duration SYNC_EVERY = java.time.Duration.ofSeconds(1);

  private FileChannel channel;
  private boolean dirty;
  private long lastSync = System.nanoTime();
  private boolean tornTail;
  private int skipped;
  private long lines;

  private UploadJournal(Path file, IoFaults faults) {
    this.file = file;
    this.faults = faults;
  }

  /**
   * Reads the journal (creating it if needed) and compacts it if most of it is dead lines.
   *
   * @throws IOException if it cannot be read or created
   */
  public static UploadJournal open(Path file) throws IOException {
    return open(file, IoFaults.NONE);
  }

  /** With the store's test seam, called before each write (a full disk acted out). */
  public static UploadJournal open(Path file, IoFaults faults) throws IOException {
    UploadJournal j = new UploadJournal(file, faults);
    j.load();
    if (j.lines > 64 && j.lines > 2L * j.entries.size()) {
      try {
        j.compact();
      } catch (IOException e) {
        // a full disk: the long journal is still right, compaction waits for the next start
      }
    }
    j.openForAppend();
    return j;
  }

  private void load() throws IOException {
    Files.createDirectories(file.getParent());
    if (!Files.exists(file)) {
      return;
    }
    byte[] bytes = Files.readAllBytes(file);
    tornTail = bytes.length > 0 && bytes[bytes.length - 1] != '\n';
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      lines++;
      JournalEntry e = parse(line);
      if (e == null) {
        skipped++;
      } else {
        entries.put(e.key(), e);
      }
    }
  }

  private void openForAppend() throws IOException {
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  /** The last word on a key, or null. */
  public synchronized JournalEntry get(String key) {
    return entries.get(key);
  }

  public synchronized List<JournalEntry> entries() {
    return List.copyOf(entries.values());
  }

  /** Lines that failed their check when the journal was read (torn by a crash). */
  public synchronized int skippedLines() {
    return skipped;
  }

  /** Entries known but not yet on disk (the disk was full when they were recorded). */
  public synchronized int unwritten() {
    return unwritten.size();
  }

  /**
   * Records a confirmation: known at once, written when this returns normally and fsynced at most
   * {@link #SYNC_EVERY} later (group commit: one fsync per upload made small files 30 % slower). A
   * power cut in between costs only the upload of those files again, to the same keys.
   *
   * @throws IOException when it cannot be written now (disk full): it stays known and is written by
   *     the next {@link #record} or {@link #flush}
   */
  public synchronized void record(JournalEntry e) throws IOException {
    entries.put(e.key(), e);
    unwritten.add(e);
    write(false);
  }

  /**
   * Records an entry only if it can be made durable now: on failure nothing changes, not even in
   * memory. Retention records its deletes so, before it deletes anything.
   *
   * @throws IOException when it (or an earlier unwritten entry) cannot be written now
   */
  public synchronized void recordDurably(JournalEntry e) throws IOException {
    unwritten.add(e);
    try {
      flush();
    } catch (IOException failed) {
      unwritten.remove(e);
      throw failed;
    }
    entries.put(e.key(), e);
  }

  /** Writes what could not be written before, and fsyncs. */
  public synchronized void flush() throws IOException {
    write(true);
  }

  private void write(boolean sync) throws IOException {
    if (unwritten.isEmpty()) {
      if (sync && dirty) {
        channel.force(false);
        dirty = false;
        lastSync = System.nanoTime();
      }
      return;
    }
    StringBuilder text = new StringBuilder();
    if (tornTail) {
      text.append('\n'); // end the torn line, so that it stays one bad line
    }
    for (JournalEntry e : unwritten) {
      text.append(line(e)).append('\n');
    }
    ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
    try {
      faults.beforeWrite(file);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      dirty = true;
      if (sync || System.nanoTime() - lastSync >= SYNC_EVERY.toNanos()) {
        channel.force(false);
        dirty = false;
        lastSync = System.nanoTime();
      }
    } catch (IOException e) {
      tornTail = true; // part of it may be on disk; the next write starts a fresh line
      throw e;
    }
    tornTail = false;
    lines += unwritten.size();
    unwritten.clear();
  }

  /** Rewrites the file with one line per live key. */
  private void compact() throws IOException {
    StringBuilder text = new StringBuilder();
    for (JournalEntry e : entries.values()) {
      text.append(line(e)).append('\n');
    }
    faults.beforeWrite(file);
    AtomicFiles.writeString(file, text.toString());
    lines = entries.size();
    tornTail = false;
  }

  /**
   * Forgets keys no longer needed (Parquet files deleted by retention: they are never written again
   * under their name) and rewrites the journal if that leaves it mostly dead lines.
   */
  public synchronized void forget(List<String> keys) throws IOException {
    keys.forEach(entries::remove);
    if (lines > 64 && lines > 2L * entries.size() && unwritten.isEmpty()) {
      channel.close();
      try {
        compact();
      } finally {
        openForAppend();
      }
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel != null) {
      try {
        if (dirty) {
          channel.force(false);
        }
      } finally {
        channel.close();
      }
    }
  }

  static String line(JournalEntry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("k", e.key());
    o.put("op", e.gone() ? "gone" : "put");
    o.put("n", e.length());
    o.put("md5", e.md5());
    o.put("base", e.base());
    ArrayNode src = o.putArray("src");
    for (JournalEntry.Source s : e.sources()) {
      src.addArray().add(s.path()).add(s.length()).add(s.modifiedMillis());
    }
    o.put("at", e.at().toString());
    String json = o.toString();
    return crc(json) + " " + json;
  }

  static JournalEntry parse(String line) {
    int space = line.indexOf(' ');
    if (space != 8 || !line.substring(0, 8).equals(crc(line.substring(9)))) {
      return null;
    }
    try {
      JsonNode o = JSON.readTree(line.substring(9));
      List<JournalEntry.Source> sources = new ArrayList<>();
      for (JsonNode s : o.get("src")) {
        sources.add(
            new JournalEntry.Source(s.get(0).asText(), s.get(1).asLong(), s.get(2).asLong()));
      }
      return new JournalEntry(
          o.get("k").asText(),
          "gone".equals(o.get("op").asText()),
          o.get("n").asLong(),
          o.get("md5").asText(),
          o.get("base").asLong(),
          Collections.unmodifiableList(sources),
          Instant.parse(o.get("at").asText()));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String crc(String json) {
    CRC32 crc = new CRC32();
    crc.update(json.getBytes(StandardCharsets.UTF_8));
    return String.format("%08x", crc.getValue());
  }
}
