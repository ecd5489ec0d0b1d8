package org.p2penergy.collector.upload;

import java.io.IOException;
import java.nio.file.FileSystemException;

/** Local I/O failures in words, and what a full disk means for uploads. */
final class Disks {
  private Disks() {}

  static boolean isFull(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (String.valueOf(t.getMessage()).contains("No space left on device")) {
        return true;
      }
    }
    return false;
  }

  static String why(IOException e) {
    if (isFull(e)) {
      return "disk full (No space left on device)";
    }
    if (e instanceof FileSystemException f) {
      return f.getFile()
          + ": "
          + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static String hint(IOException e) {
    return isFull(e)
        ? "; the spool and every file not yet confirmed are kept, nothing is deleted to make room"
        : "";
  }
}
