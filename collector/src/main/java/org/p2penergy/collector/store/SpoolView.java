package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A spool segment opened for reading: memory-mapped (off the Java heap) and checked once, record by
 * record, up to the first record that is torn or fails its checksum. Everything before it is
 * trusted; everything from it on is reported as discarded.
 */
final class SpoolView {
  /** Visits a trusted record by its offset in the segment. */
  @FunctionalInterface
  interface Visitor {
    void record(int offset);
  }

  private final ByteBuffer buffer;
  private final int validEnd;
  private final long records;
  private final long fileSize;
  private final String problem;

  private SpoolView(ByteBuffer buffer, int validEnd, long records, long fileSize, String problem) {
    this.buffer = buffer;
    this.validEnd = validEnd;
    this.records = records;
    this.fileSize = fileSize;
    this.problem = problem;
  }

  static SpoolView open(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size > Integer.MAX_VALUE) throw new IOException("spool segment too big: " + file);
      MappedByteBuffer map = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
      int end = (int) size;
      byte[] magic = new byte[Math.min(end, SpoolFormat.MAGIC.length)];
      map.get(0, magic);
      if (!Arrays.equals(magic, SpoolFormat.MAGIC)) {
        // A crash right after creating the segment leaves it empty or with a partial header.
        String problem = size == 0 ? null : "no spool header in " + file;
        return new SpoolView(map, 0, 0, size, problem);
      }
      int offset = SpoolFormat.MAGIC.length;
      long records = 0;
      while (offset < end) {
        int len = SpoolFormat.check(map, offset, end);
        if (len < 0) break;
        offset += len;
        records++;
      }
      String problem =
          offset == end
              ? null
              : "spool segment "
                  + file
                  + ": bad or torn record at byte "
                  + offset
                  + "; "
                  + (end - offset)
                  + " bytes after it discarded";
      return new SpoolView(map, offset, records, size, problem);
    }
  }

  void forEach(Visitor visitor) {
    int offset = SpoolFormat.MAGIC.length;
    while (offset < validEnd) {
      visitor.record(offset);
      offset += SpoolFormat.HEADER + buffer.getInt(offset);
    }
  }

  ByteBuffer buffer() {
    return buffer;
  }

  long records() {
    return records;
  }

  /** Bytes after the last trusted record (0 for a clean segment). */
  long discardedBytes() {
    return Math.max(0, fileSize - Math.max(validEnd, SpoolFormat.MAGIC.length));
  }

  /** What was wrong with the segment, or null if every byte was a whole, checked record. */
  String problem() {
    return problem;
  }
}
