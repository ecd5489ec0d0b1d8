package org.p2penergy.analytics.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.p2penergy.home.layout.DataLayout;

/**
 * One analyze at a time on a local data folder ({@code DATA/state/analyze.lock}): two would replace
 * each other's partitions. Held by the analyze process itself, so it also covers an analyze that
 * outlived the nightly run that started it. A store URL has no local folder to lock.
 */
final class AnalyzeLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private AnalyzeLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static Path file(String dataDir) {
    return local(dataDir).resolve(DataLayout.analyzeLock());
  }

  /** The lock, a no-op lock for a store URL, or null when another analyze holds it. */
  static AnalyzeLock take(String dataDir) throws IOException {
    if (!isLocal(dataDir)) {
      return new AnalyzeLock(null, null);
    }
    Path file = file(dataDir);
    Files.createDirectories(file.getParent());
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      return null;
    }
    return new AnalyzeLock(channel, lock);
  }

  private static boolean isLocal(String dataDir) {
    String scheme = URI.create(dataDir.replace(" ", "%20")).getScheme();
    return scheme == null || scheme.equals("file");
  }

  private static Path local(String dataDir) {
    URI uri = URI.create(dataDir.replace(" ", "%20"));
    return uri.getScheme() == null ? Path.of(dataDir) : Path.of(uri);
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      try (channel) {
        lock.release();
      }
    }
  }
}
