package org.p2penergy.collector.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A seam for tests: called before the store writes bytes to a file (spool segment or Parquet temp
 * file). Production code uses {@link #NONE}; a test throws {@code IOException("No space left on
 * device")} to act out a full disk without filling one.
 */
@FunctionalInterface
public interface IoFaults {
  IoFaults NONE = file -> {};

  void beforeWrite(Path file) throws IOException;

  /** Called before the store fsyncs a spool segment (a failing disk, not a full one). */
  default void beforeSync(Path file) throws IOException {}
}
