package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The segment being appended to. Records are buffered in memory (one fixed buffer, never more) and
 * written on {@link #flush}; {@link #sync} also fsyncs, after which they survive a crash. A failed
 * write (disk full) is rolled back by truncating to the last whole record and the buffer is kept,
 * so a later retry leaves no garbage between records. A failed fsync cuts the file back to what the
 * last good fsync made durable: what the store counts as durable is exactly what a recovery finds.
 */
final class SpoolSegment implements AutoCloseable {
  private static final int BUFFER = 64 << 10;

  private final Path file;
  private final Instant openedAt;
  private final IoFaults faults;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
  private long written; // bytes known to be in the file (whole records)
  private long synced; // of those, bytes made durable by an fsync
  private long rows;
  private long syncedRows; // of those, made durable by an fsync
  private long bufferedRows; // in the buffer, not yet written
  private long writtenRows; // written to the file, not yet fsynced
  private boolean broken;

  private SpoolSegment(Path file, Instant openedAt, IoFaults faults, FileChannel channel) {
    this.file = file;
    this.openedAt = openedAt;
    this.faults = faults;
    this.channel = channel;
  }

  static SpoolSegment create(Path file, Instant openedAt, IoFaults faults) throws IOException {
    try {
      faults.beforeWrite(file);
      FileChannel ch =
          FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      SpoolSegment s = new SpoolSegment(file, openedAt, faults, ch);
      s.buffer.put(SpoolFormat.MAGIC);
      return s;
    } catch (IOException e) {
      throw Disk.describe("cannot create spool segment " + file, e);
    }
  }

  /**
   * @throws IOException naming the file if the buffer is full and cannot be written; the reading is
   *     then not in the segment
   */
  void append(Reading r) throws IOException {
    byte[] device = SpoolFormat.text(r.deviceId(), "device id");
    byte[] event = SpoolFormat.text(r.event(), "event name");
    if (buffer.remaining() < SpoolFormat.encodedSize(device, event)) flush();
    SpoolFormat.put(buffer, device, event, r);
    rows++;
    bufferedRows++;
  }

  void flush() throws IOException {
    if (buffer.position() == 0) return;
    if (broken) throw new IOException("spool segment " + file + " failed earlier; not writing");
    buffer.flip();
    long before = written;
    try {
      faults.beforeWrite(file);
      while (buffer.hasRemaining()) written += channel.write(buffer, written);
      buffer.clear();
      writtenRows += bufferedRows;
      bufferedRows = 0;
    } catch (IOException e) {
      rollBack(before);
      throw Disk.describe("cannot write spool segment " + file, e);
    }
  }

  /** Flushes and fsyncs; returns how many rows became durable with this call. */
  long sync() throws IOException {
    flush();
    return syncWritten();
  }

  /**
   * Fsyncs what is already in the file, without writing the buffer: after a failed flush (disk
   * full) the records written before it still become durable. Returns how many did.
   */
  long syncWritten() throws IOException {
    if (written == synced || broken) return 0; // broken: an fsync failed, its data is not trusted
    try {
      faults.beforeSync(file);
      channel.force(false);
    } catch (IOException e) {
      broken = true;
      cutToSynced();
      throw Disk.describe("cannot fsync spool segment " + file, e);
    }
    synced = written;
    long n = writtenRows;
    writtenRows = 0;
    syncedRows += n;
    return n;
  }

  /** After a failed fsync nobody knows what reached the disk: keep only what an fsync confirmed. */
  private void cutToSynced() {
    try {
      channel.truncate(synced);
      written = synced;
      writtenRows = 0;
    } catch (IOException e) {
      // Recovery trusts whole records only; these few may come back without having been counted.
    }
  }

  private void rollBack(long whole) {
    // The buffered bytes stay; a part of them may have reached the file: cut it off.
    written = whole;
    try {
      channel.truncate(whole);
    } catch (IOException e) {
      broken = true; // recovery will stop at the torn bytes; nothing more goes after them
    }
    buffer.position(buffer.limit()).limit(buffer.capacity());
  }

  Path file() {
    return file;
  }

  Instant openedAt() {
    return openedAt;
  }

  long rows() {
    return rows;
  }

  /** Rows appended but not made durable by an fsync: lost if the segment is sealed now. */
  long unsyncedRows() {
    return rows - syncedRows;
  }

  long bytes() {
    return written + buffer.position();
  }

  boolean broken() {
    return broken;
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
