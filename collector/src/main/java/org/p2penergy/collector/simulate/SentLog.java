package org.p2penergy.collector.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the simulator really delivered: one line per event written and flushed to a subscriber,
 * {@code coreid TAB event TAB published_at TAB data TAB stream}, where {@code stream} numbers the
 * connection (1, 2, ...). Injected faults are comment lines starting with {@code #}. Lines are
 * written after the socket flush, so an event that failed to go out is not in the log.
 */
final class SentLog implements AutoCloseable {
  private final BufferedWriter writer;

  private SentLog(BufferedWriter writer) {
    this.writer = writer;
  }

  static SentLog none() {
    return new SentLog(null);
  }

  static SentLog open(Path file) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      return new SentLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the sent log " + file + ": " + e.getMessage(), e);
    }
  }

  synchronized void sent(List<SimEvent> batch, int stream) {
    if (writer == null || batch.isEmpty()) {
      return;
    }
    try {
      for (SimEvent e : batch) {
        writer.write(e.coreid());
        writer.write('\t');
        writer.write(e.name());
        writer.write('\t');
        writer.write(SseFormat.publishedAt(e.publishedAtMillis()));
        writer.write('\t');
        writer.write(e.data());
        writer.write('\t');
        writer.write(Integer.toString(stream));
        writer.write('\n');
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized void comment(String text) {
    if (writer == null) {
      return;
    }
    try {
      writer.write("# " + text + "\n");
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
