package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingSink;

class EventIngestTest {
  private static final Instant NOW = Instant.parse("2026-11-27T18:07:13Z");
  private final List<Reading> stored = new ArrayList<>();
  private final List<String> quarantined = new ArrayList<>();
  private final IngestCounters counters = new IngestCounters();
  private final EventIngest ingest =
      new EventIngest(
          new EventParser(),
          new DuplicateFilter(100),
          new ReadingSink() {
            @Override
            public void accept(Reading r) {
              stored.add(r);
            }

            @Override
            public void close() {}
          },
          (home, at, reason, event, raw) -> quarantined.add(reason + "|" + event + "|" + raw),
          counters,
          org.p2penergy.home.config.DeviceHomes.single("home"));

  private static String event(String data, String ts) {
    return "{\"data\":\""
        + data
        + "\",\"ttl\":60,\"published_at\":\""
        + ts
        + "\",\"coreid\":\"34003d000547363332363639\"}";
  }

  @Test
  void twoSubscriptionsDeliveringTheSameEventsStoreEachOnce() throws Exception {
    // The original project's failure: every event arriving twice.
    for (int i = 0; i < 10; i++) {
      String raw = event(Integer.toString(100 + i), "2026-11-27T18:07:0" + i + ".000Z");
      ingest.onEvent("power", raw, NOW);
      ingest.onEvent("power", raw, NOW);
    }
    assertThat(stored).hasSize(10);
    assertThat(counters.duplicates()).isEqualTo(10);
    assertThat(counters.readings()).isEqualTo(10);
    assertThat(counters.events()).isEqualTo(20);
  }

  @Test
  void everyOutcomeIsCountedAndRejectsKeepTheirRawText() throws Exception {
    ingest.onEvent("power", event("5.5", "2026-11-27T18:07:00.000Z"), NOW);
    ingest.onEvent("spark/status", event("online", "2026-11-27T18:07:00.000Z"), NOW);
    ingest.onEvent("power", event("null", "2026-11-27T18:07:01.000Z"), NOW);
    ingest.onEvent("power", "{broken", NOW);
    ingest.onEvent("power", "x".repeat(EventParser.MAX_EVENT_CHARS + 1), NOW);
    assertThat(stored).extracting(Reading::value).containsExactly(5.5);
    assertThat(counters.cloudEvents()).isEqualTo(1);
    assertThat(counters.noDataEvents()).isEqualTo(1);
    assertThat(counters.quarantined()).isEqualTo(2);
    assertThat(quarantined.get(0)).isEqualTo(EventParser.BAD_JSON + "|power|{broken");
    // The oversized one is kept, cut to a bounded size with its full length noted.
    assertThat(quarantined.get(1))
        .startsWith(EventParser.OVERSIZED_EVENT + "|power|xxx")
        .endsWith("[" + (EventParser.MAX_EVENT_CHARS + 1) + " chars in all]");
    assertThat(counters.quarantineReasons())
        .containsEntry(EventParser.BAD_JSON, 1L)
        .containsEntry(EventParser.OVERSIZED_EVENT, 1L);
    assertThat(counters.lastEventByDevice()).containsOnlyKeys("34003d000547363332363639");
  }
}
