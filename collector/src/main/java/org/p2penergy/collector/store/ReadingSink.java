package org.p2penergy.collector.store;

import java.io.Closeable;
import java.io.IOException;

/**
 * Where accepted readings go. The durable implementation appends to the write-ahead spool; a
 * reading is safe once {@link #accept} has returned and the next group fsync has happened.
 */
public interface ReadingSink extends Closeable {
  void accept(Reading reading) throws IOException;
}
