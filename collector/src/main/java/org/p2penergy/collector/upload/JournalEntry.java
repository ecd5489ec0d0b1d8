package org.p2penergy.collector.upload;

import java.time.Instant;
import java.util.List;

/**
 * One line of the upload journal: the object {@code key} holds {@code length} bytes with this MD5,
 * made of {@code base} bytes already in the store followed by the local {@code sources} as they
 * were when sent. {@code gone}: the local copies were then deleted (retention); the object stays.
 *
 * @param key the path relative to the data root, the same locally and in the store
 * @param base bytes at the start of the object that no local file holds any more (a side file
 *     deleted by retention and written again later, see {@link Uploader})
 */
public record JournalEntry(
    String key,
    boolean gone,
    long length,
    String md5,
    long base,
    List<Source> sources,
    Instant at) {

  /**
   * A local file as it was sent: its path relative to the data directory, the bytes sent (a side
   * file is sent up to its last complete line) and its modification time then.
   */
  public record Source(String path, long length, long modifiedMillis) {}

  public JournalEntry {
    sources = List.copyOf(sources);
  }

  /** The same object, its local copies deleted. */
  public JournalEntry deleted(Instant when) {
    return new JournalEntry(key, true, length, md5, base, sources, when);
  }

  /** A side file (JSON lines) grows and may be put together from older bytes; Parquet never. */
  public static boolean isLines(String key) {
    return key.endsWith(".jsonl");
  }
}
