package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Path;
import org.p2penergy.home.io.AtomicFiles;

/** The few file-system steps durability rests on, and error messages that name the path. */
final class Disk {
  private Disk() {}

  /** Renames over the target in one step, then fsyncs the directory so the rename survives. */
  static void moveAtomically(Path from, Path to) throws IOException {
    AtomicFiles.move(from, to);
  }

  /** Makes a create, rename or delete in this directory durable (POSIX: fsync the directory). */
  static void syncDirectory(Path dir) throws IOException {
    AtomicFiles.syncDirectory(dir);
  }

  /** An IOException whose message says what failed and where, with the cause's own words. */
  static IOException describe(String what, Throwable cause) {
    String detail = cause.getMessage() == null ? cause.toString() : cause.getMessage();
    if (cause instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      detail = fse.getReason();
    }
    if (detail.startsWith(what)) return new IOException(detail, cause);
    return new IOException(what + ": " + detail, cause);
  }
}
