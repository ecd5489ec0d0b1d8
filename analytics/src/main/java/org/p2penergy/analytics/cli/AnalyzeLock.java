package org.p2penergy.analytics.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.p2penergy.home.io.FolderLock;
import org.p2penergy.home.layout.DataLayout;

/**
 * One analyze at a time on a local data folder ({@code DATA/state/analyze.lock}): two would replace
 * each other's partitions. Held by the analyze process itself, so it also covers an analyze that
 * outlived the nightly run that started it. A store URL has no local folder to lock.
 */
final class AnalyzeLock implements AutoCloseable {
  private final FolderLock lock; // null for a store URL

  private AnalyzeLock(FolderLock lock) {
    this.lock = lock;
  }

  static Path file(String dataDir) {
    URI uri = URI.create(dataDir.replace(" ", "%20"));
    Path local = uri.getScheme() == null ? Path.of(dataDir) : Path.of(uri);
    return local.resolve(DataLayout.analyzeLock());
  }

  /** The lock, a no-op lock for a store URL, or null when another analyze holds it. */
  static AnalyzeLock take(String dataDir) throws IOException {
    String scheme = URI.create(dataDir.replace(" ", "%20")).getScheme();
    if (scheme != null && !scheme.equals("file")) {
      return new AnalyzeLock(null);
    }
    FolderLock lock = FolderLock.tryLock(file(dataDir));
    return lock == null ? null : new AnalyzeLock(lock);
  }

  @Override
  public void close() throws IOException {
    if (lock != null) {
      lock.close();
    }
  }
}
