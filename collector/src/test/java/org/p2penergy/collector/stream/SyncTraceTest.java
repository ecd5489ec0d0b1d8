package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingSink;

class SyncTraceTest {
  private static final Instant T = Instant.parse("2026-11-27T18:00:00Z");

  @Test
  void printsOnlyWhatTheStoreSaysIsDurableInAcceptOrder() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int[] failOn = {3};
    int[] calls = {0};
    ReadingSink store =
        new ReadingSink() {
          @Override
          public void accept(Reading r) throws IOException {
            if (++calls[0] == failOn[0]) {
              throw new IOException("disk full");
            }
          }

          @Override
          public void close() {}
        };
    SyncTrace trace = new SyncTrace(store, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    for (int i = 0; i < 4; i++) {
      try {
        trace.accept(new Reading("d", "power", T.plusSeconds(i), T, i));
      } catch (IOException e) {
        // the third was not stored: it must never be claimed
      }
    }
    trace.synced(2);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo("synced\td\tpower\t" + T + "\nsynced\td\tpower\t" + T.plusSeconds(1) + "\n");
    trace.synced(3);
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .endsWith("synced\td\tpower\t" + T.plusSeconds(3) + "\n")
        .doesNotContain(T.plusSeconds(2).toString());
  }
}
