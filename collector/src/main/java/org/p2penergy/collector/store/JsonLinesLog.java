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
 * {@code syncEachLine} it is also fsynced before {@link #append} returns.
 */
final class JsonLinesLog implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;
  private final boolean syncEachLine;
  private LocalDate openDate;
  private FileChannel channel;
  private long lines;

  JsonLinesLog(Path dir, boolean syncEachLine) {
    this.dir = dir;
    this.syncEachLine = syncEachLine;
  }

  synchronized void append(Instant when, Map<String, Object> entry) throws IOException {
    LocalDate date = LocalDate.ofInstant(when, ZoneOffset.UTC);
    Path file = dir.resolve(date + ".jsonl");
    try {
      if (!date.equals(openDate)) {
        close();
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
      while (line.hasRemaining()) channel.write(line);
      if (syncEachLine) channel.force(false);
      lines++;
    } catch (IOException e) {
      throw Disk.describe("cannot append to " + file, e);
    }
  }

  synchronized long lines() {
    return lines;
  }

  synchronized void sync() throws IOException {
    if (channel != null) channel.force(false);
  }

  @Override
  public synchronized void close() throws IOException {
    if (channel == null) return;
    try (FileChannel c = channel) {
      c.force(false);
    } finally {
      channel = null;
      openDate = null;
    }
  }
}
