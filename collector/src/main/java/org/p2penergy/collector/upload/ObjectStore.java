package org.p2penergy.collector.upload;

import java.io.IOException;
import java.nio.file.Path;
import org.p2penergy.store.StoreFailure;

/**
 * The few object-store operations the uploader needs, by key relative to the data root ({@code
 * readings/home=H/date=D/part-X.parquet}; the implementation adds the prefix). {@link S3Store} is
 * the one used; tests put a loopback S3 server behind it.
 */
public interface ObjectStore extends AutoCloseable {
  /**
   * Stores {@code body} under {@code key}, replacing what is there, and returns only once the store
   * has confirmed that it holds exactly these bytes.
   *
   * @throws StoreFailure when the store did not take it or could not confirm the bytes
   * @throws IOException when a local file of the body cannot be read
   */
  void put(String key, UploadBody body) throws StoreFailure, IOException;

  /**
   * Copies the first {@code length} bytes of the object at {@code key} to {@code target}.
   *
   * @throws StoreFailure when the store cannot give them (missing object included)
   */
  void download(String key, long length, Path target) throws StoreFailure, IOException;

  /**
   * A request without a body that tells apart a wrong secret, a missing bucket and an unreachable
   * store (an error answered before a body was sent cannot always be read).
   *
   * @throws StoreFailure saying which it is; nothing when the store takes these credentials
   */
  void probe() throws StoreFailure;

  /** Reads the key pair again after the store refused it (a fixed secret file heals a run). */
  default void reloadKeys() {}

  /** {@code s3://bucket/prefix at endpoint}, for messages. */
  String describe();

  @Override
  void close();
}
