package org.p2penergy.collector.upload;

import java.time.Instant;

/**
 * What the status line says about uploads: files and bytes waiting, since when the oldest waits,
 * and why they wait if uploads fail ({@code problem}, null while they go through).
 */
public record UploadStatus(long files, long bytes, Instant oldest, String problem) {
  public static final UploadStatus STARTING = new UploadStatus(0, 0, null, null);
}
