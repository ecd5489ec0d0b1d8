package org.p2penergy.collector.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.store.IoFaults;
import org.p2penergy.store.StoreFailure;

class UploadOutagesTest {
  private static final Instant T0 = Instant.parse("2026-11-27T23:50:00Z");
  @TempDir Path data;

  private static StoreFailure failure(StoreFailure.Kind kind) {
    return new StoreFailure(kind, "detail of " + kind, null);
  }

  @Test
  void anOutageOutlivesARestartAndIsRecordedFromItsRealStartUnderItsStartDate() throws Exception {
    UploadOutages first = new UploadOutages(data, List.of("elm-12"), IoFaults.NONE);
    assertThat(first.failed(T0, failure(StoreFailure.Kind.UNREACHABLE))).isTrue();
    assertThat(first.failed(T0.plusSeconds(60), failure(StoreFailure.Kind.UNREACHABLE))).isFalse();

    UploadOutages second = new UploadOutages(data, List.of("elm-12"), IoFaults.NONE); // restart
    assertThat(second.current().start()).isEqualTo(T0);
    assertThat(second.succeeded(T0.plus(Duration.ofMinutes(25)))).isEqualTo(Duration.ofMinutes(25));
    assertThat(second.succeeded(T0.plus(Duration.ofMinutes(26)))).isNull();

    // started on the 27th, ended on the 28th: in the 27th's file
    assertThat(Files.readAllLines(data.resolve("upload-outages/home=elm-12/2026-11-27.jsonl")))
        .containsExactly(
            "{\"start\":\"2026-11-27T23:50:00Z\",\"end\":\"2026-11-28T00:15:00Z\","
                + "\"reason\":\"store unreachable\",\"detail\":\"detail of UNREACHABLE\"}");
    assertThat(data.resolve("state/upload/outage.json")).doesNotExist();
    assertThat(data.resolve("outages")).doesNotExist();
  }

  @Test
  void anotherKindOfFailureEndsOneOutageAndStartsTheNext() throws Exception {
    UploadOutages o = new UploadOutages(data, List.of("elm-12", "elm-14"), IoFaults.NONE);
    o.failed(T0, failure(StoreFailure.Kind.UNREACHABLE));
    assertThat(o.failed(T0.plusSeconds(30), failure(StoreFailure.Kind.THROTTLED))).isTrue();
    o.succeeded(T0.plusSeconds(90));
    for (String home : List.of("elm-12", "elm-14")) {
      List<String> lines =
          Files.readAllLines(data.resolve("upload-outages/home=" + home + "/2026-11-27.jsonl"));
      assertThat(lines).hasSize(2);
      assertThat(lines.get(0)).contains("\"end\":\"2026-11-27T23:50:30Z\"", "store unreachable");
      assertThat(lines.get(1)).contains("\"start\":\"2026-11-27T23:50:30Z\"", "SlowDown");
    }
  }
}
