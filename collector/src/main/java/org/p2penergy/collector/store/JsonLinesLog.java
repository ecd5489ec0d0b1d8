package org.p2penergy.collector.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Appends one JSON object a line to {@code DIR/YYYY-MM-DD.jsonl} (the UTC date of the entry),
 * creating the file and directory as needed. Each line is written whole with one append; with
 * {@code syncEachLine} it is also fsynced before {@link #append} returns. A line that cannot be
 * written whole (disk full) is cut off again, so a retry never follows half a line.
 */
final class JsonLinesLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final boolean syncEachLine;
  private LocalDate openDate;
  private FileChannel channel;
  private long lines;
  private boolean unsynced;

  JsonLinesLog(Path dir, boolean syncEachLine) {
    this.dir = dir;
    this.syncEachLine = syncEachLine;
  }

  synchronized void append(Instant when, Map<String, Object> entry) throws IOException {
    LocalDate date = LocalDate.ofInstant(when, ZoneOffset.UTC);
    Path file = dir.resolve(date + ".jsonl");
    try {
      if (!date.equals(openDate)) {
        close(); // the previous day's file, fsynced
        Files.createDirectories(dir);
        boolean created = Files.notExists(file);
        channel =
            FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        openDate = date;
        if (created) Disk.syncDirectory(dir);
      }
      ByteBuffer line =
          ByteBuffer.wrap((JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
      long before = channel.size();
      try {
        while (line.hasRemaining()) channel.write(line);
        if (syncEachLine) channel.force(false);
        else unsynced = true;
      } catch (IOException e) {
        cutBack(before);
        throw e;
      }
      lines++;
    } catch (IOException e) {
      throw Disk.describe("cannot append to " + file, e);
    }
  }

  private void cutBack(long size) {
    try {
      channel.truncate(size);
    } catch (IOException e) {
      // A reader skips a torn line; nothing better can be done on a failing disk.
    }
  }

  synchronized long lines() {
    return lines;
  }

  /** Fsyncs what was appended since the last sync, if anything. */
  synchronized void sync() throws IOException {
    if (channel != null && unsynced) {
      channel.force(false);
      unsynced = false;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel == null) return;
    try (FileChannel c = channel) {
      c.force(false);
    } finally {
      channel = null;
      openDate = null;
      unsynced = false;
    }
  }
}
