package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Path;
import org.p2penergy.home.io.FolderLock;

/** One process per spool directory: a second store there would roll the first one's segment. */
final class SpoolLock implements AutoCloseable {
  private final FolderLock lock;

  private SpoolLock(FolderLock lock) {
    this.lock = lock;
  }

  static SpoolLock acquire(Path spoolDir) throws IOException {
    Path file = spoolDir.resolve(".lock");
    FolderLock lock;
    try {
      lock = FolderLock.tryLock(file);
    } catch (IOException e) {
      throw Disk.describe("cannot open " + file, e);
    }
    if (lock == null) {
      throw new IOException(
          "the spool "
              + spoolDir
              + " is in use by another collector or import (lock "
              + file
              + ")");
    }
    return new SpoolLock(lock);
  }

  @Override
  public void close() throws IOException {
    lock.close();
  }
}
