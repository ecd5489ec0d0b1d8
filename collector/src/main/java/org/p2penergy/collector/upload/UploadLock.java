package org.p2penergy.collector.upload;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.p2penergy.home.layout.DataLayout;

/**
 * One uploader per data directory ({@code state/upload/lock}): a running {@code collect} with a
 * store, or one {@code upload}. The OS drops the lock when the process ends, kill -9 included.
 */
public final class UploadLock implements AutoCloseable {
  /** Another process uploads this data directory. */
  public static final class HeldException extends IOException {
    public HeldException(String message) {
      super(message);
    }
  }

  private final FileChannel channel;
  private final FileLock lock;

  private UploadLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  public static UploadLock acquire(Path data) throws IOException {
    Path file = data.resolve(DataLayout.uploadLock());
    Files.createDirectories(file.getParent());
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = ch.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException e) {
      lock = null; // held by this very process
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (lock == null) {
      ch.close();
      throw new HeldException(
          data
              + " is being uploaded by another process (a running collect with this store"
              + " uploads it by itself)");
    }
    return new UploadLock(ch, lock);
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
