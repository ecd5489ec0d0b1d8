package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The write-ahead spool directory: the open segment readings are appended to, and the sealed
 * segments waiting to become Parquet. Not thread-safe; {@link DurableStore} locks around it.
 * Segment names ({@code seg-<UTC time>-<random>.spool}) sort by creation and never repeat, so the
 * Parquet files named after them never collide with an earlier segment's.
 */
final class Spool {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final Clock clock;
  private final IoFaults faults;
  private final List<Path> sealed = new ArrayList<>();
  private SpoolSegment current;

  Spool(Path dir, Clock clock, IoFaults faults) {
    this.dir = dir;
    this.clock = clock;
    this.faults = faults;
  }

  /** Segments left by an earlier run (crash or failed roll), oldest first; they become sealed. */
  List<Path> adoptLeftovers() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> left =
          files
              .filter(p -> p.getFileName().toString().startsWith("seg-"))
              .filter(p -> p.getFileName().toString().endsWith(".spool"))
              .sorted()
              .toList();
      sealed.addAll(left);
      return left;
    }
  }

  void append(Reading r) throws IOException {
    ensureOpen();
    current.append(r);
  }

  /** Creates the open segment if there is none (the first append, or a retry after a failure). */
  void ensureOpen() throws IOException {
    if (current == null) {
      Instant now = clock.instant();
      String name =
          "seg-"
              + STAMP.format(now)
              + "-"
              + String.format("%08x", ThreadLocalRandom.current().nextInt())
              + ".spool";
      current = SpoolSegment.create(dir.resolve(name), now, faults);
      Disk.syncDirectory(dir);
    }
  }

  /** Writes and fsyncs the open segment; returns how many readings became durable. */
  long sync() throws IOException {
    return current == null ? 0 : current.sync();
  }

  /** Fsyncs what the open segment has already written (after its buffer could not be). */
  long syncWritten() throws IOException {
    return current == null ? 0 : current.syncWritten();
  }

  /**
   * Closes the open segment as it is, without writing its buffer, and queues it for conversion: the
   * last resort of a store closing on a full disk. Returns the readings dropped with the buffer
   * (never durable, so never counted).
   */
  long sealAsIs() throws IOException {
    if (current == null) return 0;
    long dropped = current.unsyncedRows();
    current.close();
    sealed.add(current.file());
    current = null;
    return dropped;
  }

  /**
   * Closes the open segment (after a last fsync) and queues it for conversion; returns the readings
   * that became durable. If the fsync fails nothing changes and the error is thrown.
   */
  long seal() throws IOException {
    if (current == null) return 0;
    long durable = current.sync();
    current.close();
    sealed.add(current.file());
    current = null;
    return durable;
  }

  /**
   * A failed segment (its fsync or a roll-back failed) is sealed as it is: recovery trusts its
   * whole records only. Returns the readings that never became durable in it.
   */
  long sealBroken() throws IOException {
    if (current == null || !current.broken()) return 0;
    return sealAsIs();
  }

  List<Path> sealed() {
    return List.copyOf(sealed);
  }

  void converted(Path segment) throws IOException {
    Files.deleteIfExists(segment);
    Disk.syncDirectory(dir);
    sealed.remove(segment);
  }

  /** When the open segment was created, or null if there is none. */
  Instant openedAt() {
    return current == null ? null : current.openedAt();
  }

  long openRows() {
    return current == null ? 0 : current.rows();
  }

  long bytes() {
    long total = current == null ? 0 : current.bytes();
    for (Path p : sealed) {
      try {
        total += Files.size(p);
      } catch (IOException e) {
        // Deleted while we looked: it has been converted.
      }
    }
    return total;
  }

  Path dir() {
    return dir;
  }

  void close() throws IOException {
    if (current != null) current.close();
  }
}
