package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTraceTest {
  @TempDir Path dir;

  @Test
  void badRowsAreSkippedAndCounted() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(
        file,
        "11/01/2012 08:11:01;143;141\r\nnonsense\r\n11/01/2012 08:11:03;x;1\r\n11/01/2012 08:11:04;141;141\r\n");
    ReplayTrace trace = ReplayTrace.read(file, ZoneId.of("Europe/Berlin"));
    assertThat(trace.size()).isEqualTo(2);
    assertThat(trace.skipped).isEqualTo(2);
    assertThat(trace.firstMillis()).isEqualTo(Instant.parse("2012-01-11T07:11:01Z").toEpochMilli());
    assertThat(trace.lastMillis()).isEqualTo(Instant.parse("2012-01-11T07:11:04Z").toEpochMilli());
  }

  @Test
  void missingOrEmptyFilesAreOneLineMistakes() throws Exception {
    assertThatThrownBy(() -> ReplayTrace.read(dir.resolve("none.csv"), ZoneId.of("UTC")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("replay file not found: ");
    Path empty = Files.writeString(dir.resolve("e.csv"), "hello\n");
    assertThatThrownBy(() -> ReplayTrace.read(empty, ZoneId.of("UTC")))
        .hasMessageContaining("no readings");
    Path noP = Files.writeString(dir.resolve("a.csv"), "unix_ts,V,I\n1,2,3\n");
    assertThatThrownBy(() -> ReplayTrace.read(noP, ZoneId.of("UTC")))
        .hasMessage(noP + ": no column 'P' in the header unix_ts,V,I");
  }
}
