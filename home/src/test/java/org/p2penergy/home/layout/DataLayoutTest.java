package org.p2penergy.home.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DataLayoutTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 27);
  private final DataLayout elm = DataLayout.of("elm-12");

  @Test
  void everyPathOfAHome() {
    assertThat(elm.readings(D)).isEqualTo("readings/home=elm-12/date=2026-11-27");
    assertThat(elm.quarantine()).isEqualTo("quarantine/home=elm-12");
    assertThat(elm.outages()).isEqualTo("outages/home=elm-12");
    assertThat(elm.table(DataLayout.DAILY, D))
        .isEqualTo("analytics/daily/home=elm-12/date=2026-11-27");
    assertThat(DataLayout.peers(D)).isEqualTo("analytics/peers/date=2026-11-27");
    assertThat(elm.summary(D)).isEqualTo("reports/elm-12/2026-11-27/summary.json");
    assertThat(elm.report(D, "week")).isEqualTo("reports/elm-12/2026-11-27/report-week.pdf");
    assertThat(elm.nightlyState()).isEqualTo("state/nightly/elm-12.json");
    assertThat(elm.uploadOutages()).isEqualTo("upload-outages/home=elm-12");
  }

  @Test
  void uploadBookkeepingIsLocalStateAndNotUnderOutages() {
    assertThat(DataLayout.uploadJournal()).isEqualTo("state/upload/journal.jsonl");
    assertThat(DataLayout.uploadLock()).isEqualTo("state/upload/lock");
    assertThat(DataLayout.uploadOpenOutage()).isEqualTo("state/upload/outage.json");
    assertThat(DataLayout.uploadTemp()).isEqualTo("state/upload/tmp");
    // analytics reads outages/home=H as gaps in the readings; an upload outage is none
    assertThat(elm.uploadOutages()).doesNotStartWith(DataLayout.OUTAGES + "/");
  }

  @Test
  void theOlderSingleHomeLayout() {
    assertThat(DataLayout.legacyReadings(D)).isEqualTo("readings/date=2026-11-27");
    assertThat(DataLayout.legacyNightlyState()).isEqualTo("state/nightly.json");
  }

  @Test
  void resolvesAsALocalPathAndAsAKey() {
    assertThat(Path.of("/data").resolve(elm.readings(D)))
        .isEqualTo(Path.of("/data/readings/home=elm-12/date=2026-11-27"));
    assertThat(DataLayout.homeOf("s3a://b/p/readings/home=elm-12/date=2026-11-27/part-1.parquet"))
        .contains("elm-12");
    assertThat(DataLayout.dateOf("readings/home=elm-12/date=2026-11-27/part-1.parquet"))
        .contains(D);
    assertThat(DataLayout.homeOf("readings/date=2026-11-27/part-1.parquet")).isEmpty();
  }
}
