package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PublishedAtTest {
  @Test
  void readsTheCloudShapeByHand() {
    // 2026-11-28 is day 20 785 since 1970-01-01 (56 years, 14 leap days, + 331 days into 2026).
    long seconds = 20_785L * 86_400 + 3 * 3600 + 10 * 60 + 21;
    assertThat(PublishedAt.fast("2026-11-28T03:10:21.123Z"))
        .isEqualTo(Instant.ofEpochSecond(seconds, 123_000_000));
    assertThat(PublishedAt.fast("2026-11-28T03:10:21Z")).isEqualTo(Instant.ofEpochSecond(seconds));
    assertThat(PublishedAt.fast("2026-11-28T03:10:21.000000001Z"))
        .isEqualTo(Instant.ofEpochSecond(seconds, 1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-28T03:10:21+01:00",
        "2026-11-28T03:10Z",
        "2026-11-28T03:10:21.Z",
        "2026-11-28T03:10:21.1234567890Z",
        "2026-02-30T03:10:21Z",
        "2026-13-01T03:10:21Z",
        "2026-11-28T24:00:00Z",
        "2026-11-28T23:59:60Z",
        "2026-11-28 03:10:21Z",
        "+2026-11-28T03:10:21Z",
        "2026-1a-28T03:10:21Z"
      })
  void leavesEverythingElseToTheFullParser(String text) {
    assertThat(PublishedAt.fast(text)).isNull();
  }

  @Test
  void fallbackKeepsOffsetsAndRejections() {
    assertThat(PublishedAt.parse("2026-11-28T04:10:21+01:00"))
        .isEqualTo(PublishedAt.parse("2026-11-28T03:10:21Z"));
    assertThatThrownBy(() -> PublishedAt.parse("2026-02-30T03:10:21Z"))
        .isInstanceOf(DateTimeParseException.class);
    assertThatThrownBy(() -> PublishedAt.parse("yesterday"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
