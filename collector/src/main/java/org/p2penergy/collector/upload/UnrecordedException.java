package org.p2penergy.collector.upload;

import java.io.IOException;

/**
 * The store confirmed the upload, but the journal could not record it yet (a full disk): the upload
 * went through; the confirmation is known in memory and written when space returns.
 */
public final class UnrecordedException extends IOException {
  public UnrecordedException(IOException cause) {
    super(cause.getMessage(), cause);
  }
}
