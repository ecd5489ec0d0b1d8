package org.p2penergy.collector.upload;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.p2penergy.store.StoreFailure;

/**
 * A test store: objects are files under a folder, written whole; failures can be queued up to act
 * out an unavailable store. The S3 behaviour itself is tested against s3proxy.
 */
final class FolderStore implements ObjectStore {
  final Path root;
  final Deque<StoreFailure> failures = new ArrayDeque<>();
  int puts;

  FolderStore(Path root) {
    this.root = root;
  }

  Path object(String key) {
    return root.resolve(key);
  }

  @Override
  public void put(String key, UploadBody body) throws StoreFailure, IOException {
    if (!failures.isEmpty()) {
      throw failures.poll();
    }
    Path target = object(key);
    Files.createDirectories(target.getParent());
    try (InputStream in = body.open();
        OutputStream out = Files.newOutputStream(target)) {
      in.transferTo(out);
    }
    puts++;
  }

  @Override
  public void download(String key, long length, Path target) throws StoreFailure, IOException {
    byte[] all = Files.readAllBytes(object(key));
    Files.write(target, java.util.Arrays.copyOf(all, (int) length));
  }

  @Override
  public void probe() throws StoreFailure {
    if (!failures.isEmpty()) {
      throw failures.peek();
    }
  }

  @Override
  public String describe() {
    return "folder " + root;
  }

  @Override
  public void close() {}
}
