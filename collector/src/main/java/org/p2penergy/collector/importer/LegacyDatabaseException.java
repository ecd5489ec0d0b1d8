package org.p2penergy.collector.importer;

/** The file given to {@code import legacy-sqlite} is not a readable legacy database. */
public final class LegacyDatabaseException extends RuntimeException {
  public LegacyDatabaseException(String message) {
    super(message);
  }
}
