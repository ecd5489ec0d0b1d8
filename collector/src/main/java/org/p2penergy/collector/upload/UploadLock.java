package org.p2penergy.collector.upload;

import java.io.IOException;
import java.nio.file.Path;
import org.p2penergy.home.io.FolderLock;
import org.p2penergy.home.layout.DataLayout;

/**
 * One uploader per data directory ({@code state/upload/lock}): a running {@code collect} with a
 * store, or one {@code upload}. A {@link FolderLock}: the OS drops it when the process ends, kill
 * -9 included.
 */
public final class UploadLock implements AutoCloseable {
  /** Another process uploads this data directory. */
  public static final class HeldException extends IOException {
    public HeldException(String message) {
      super(message);
    }
  }

  private final FolderLock lock;

  private UploadLock(FolderLock lock) {
    this.lock = lock;
  }

  public static UploadLock acquire(Path data) throws IOException {
    FolderLock lock = FolderLock.tryLock(data.resolve(DataLayout.uploadLock()));
    if (lock == null) {
      throw new HeldException(
          data
              + " is being uploaded by another process (a running collect with this store"
              + " uploads it by itself)");
    }
    return new UploadLock(lock);
  }

  @Override
  public void close() throws IOException {
    lock.close();
  }
}
