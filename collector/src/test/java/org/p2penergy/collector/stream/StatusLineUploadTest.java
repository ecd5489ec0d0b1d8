package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.p2penergy.collector.upload.UploadStatus;

/** The uploads' part of the status line (its own file: the line's other parts change apart). */
class StatusLineUploadTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

  @Test
  void filesBytesAndTheOldestWaitingAge() {
    // 3 files, 1.5 MiB, the oldest written 11 minutes ago
    UploadStatus u = new UploadStatus(3, 3 * 1024 * 1024 / 2, NOW.minusSeconds(660), null);
    assertThat(StatusLine.upload(u, NOW))
        .isEqualTo(", upload: 3 files (1.5 MiB) waiting, oldest 11m");
  }

  @Test
  void whyTheyWaitWhileUploadsFail() {
    UploadStatus u = new UploadStatus(40, 2048, NOW.minusSeconds(3 * 3600), "store unreachable");
    assertThat(StatusLine.upload(u, NOW))
        .isEqualTo(", upload DOWN (store unreachable): 40 files (2.0 KiB) waiting, oldest 3h");
  }

  @Test
  void nothingWaiting() {
    assertThat(StatusLine.upload(new UploadStatus(0, 0, null, null), NOW))
        .isEqualTo(", upload: nothing waiting");
  }
}
