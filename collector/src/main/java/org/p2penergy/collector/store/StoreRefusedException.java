package org.p2penergy.collector.store;

import java.io.IOException;
import java.time.Instant;

/**
 * The store did not take a reading because its spool cannot be written (a full disk, mostly):
 * thrown at once, without touching the disk, until a retry of the store's own finds it writable
 * again. The reading is not stored and is counted as refused ({@link StoreCounters#refused()}).
 */
public final class StoreRefusedException extends IOException {
  /** The reason of a spool that ran out of space (ENOSPC or a quota). */
  public static final String DISK_FULL = "disk full";

  /** The reason of any other write failure of the spool (read-only file system, I/O error). */
  public static final String NOT_WRITABLE = "spool not writable";

  private final String reason;
  private final Instant since;

  StoreRefusedException(String reason, Instant since, String detail, Throwable cause) {
    super(reason + ": reading not stored (" + detail + ")", cause);
    this.reason = reason;
    this.since = since;
  }

  /** {@link #DISK_FULL} or {@link #NOT_WRITABLE}. */
  public String reason() {
    return reason;
  }

  /** When the spool stopped being writable. */
  public Instant since() {
    return since;
  }

  /** The reason for a failed spool write, from the operating system's words. */
  static String reasonOf(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage();
      if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded")))
        return DISK_FULL;
    }
    return NOT_WRITABLE;
  }

  // Thrown for every reading offered while the disk is full (thousands a second): no stack trace.
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
