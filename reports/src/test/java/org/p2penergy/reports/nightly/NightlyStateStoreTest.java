package org.p2penergy.reports.nightly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NightlyStateStoreTest {
  @TempDir Path data;

  @Test
  void noFileMeansNothingDone() {
    assertThat(new NightlyStateStore(data, "home").load()).isEqualTo(NightlyState.EMPTY);
  }

  @Test
  void roundTrip() {
    NightlyStateStore store = new NightlyStateStore(data, "home");
    LocalDate d26 = LocalDate.of(2025, 11, 26);
    LocalDate d27 = LocalDate.of(2025, 11, 27);
    NightlyState state =
        NightlyState.EMPTY
            .finished(d26)
            .with(d27, DayProgress.NOTHING.withAnalyzed().withRendered("day").withRendered("week"));
    store.save(state);
    assertThat(store.file()).isEqualTo(data.resolve("state/nightly/home.json"));
    NightlyState back = store.load();
    assertThat(back.done()).containsExactly(d26);
    assertThat(back.progress(d27).analyzed()).isTrue();
    assertThat(back.progress(d27).rendered()).containsExactlyInAnyOrder("day", "week");
    assertThat(back.progress(d27).emailed()).isEmpty();
    assertThat(data.resolve("state")).isDirectoryNotContaining("glob:**.tmp");
  }

  @Test
  void finishingADayMovesItFromPendingToDone() {
    LocalDate d = LocalDate.of(2025, 11, 27);
    NightlyState s = NightlyState.EMPTY.with(d, DayProgress.NOTHING.withAnalyzed()).finished(d);
    assertThat(s.pending()).isEmpty();
    assertThat(s.isDone(d)).isTrue();
  }

  @Test
  void aCorruptFileIsAOneLineErrorNamingIt() throws Exception {
    Files.createDirectories(data.resolve("state"));
    Files.writeString(data.resolve("state/nightly.json"), "{not json");
    assertThatThrownBy(() -> new NightlyStateStore(data, "home").load())
        .isInstanceOf(NightlyStateException.class)
        .hasMessageStartingWith(data.resolve("state/nightly.json").toString())
        .hasMessageContaining("move it away");
  }

  @Test
  void aHomeStartsFromTheStateWrittenBeforeHomesHadIds() throws Exception {
    LocalDate d = LocalDate.of(2025, 11, 26);
    Files.createDirectories(data.resolve("state"));
    // As nightly wrote it before homes had ids: one state/nightly.json.
    Files.writeString(
        data.resolve("state/nightly.json"),
        "{\"version\": 1, \"done\": [\"2025-11-26\"], \"pending\": {}}");
    NightlyStateStore store = new NightlyStateStore(data, "elm-12");
    assertThat(store.load().done()).containsExactly(d);
    store.save(store.load().finished(d.plusDays(1)));
    assertThat(new NightlyStateStore(data, "elm-12").load().done())
        .containsExactly(d, d.plusDays(1));
    assertThat(data.resolve("state/nightly/elm-12.json")).exists();
  }

  @Test
  void noHomeOfACommunityTakesOverTheSingleHomeState() throws Exception {
    Files.createDirectories(data.resolve("state"));
    Files.writeString(
        data.resolve("state/nightly.json"),
        "{\"version\": 1, \"done\": [\"2025-11-26\"], \"pending\": {}}");
    // What was done for the one home of that folder says nothing about the others.
    assertThat(NightlyStateStore.ofCommunityHome(data, "elm-14").load().done()).isEmpty();
    assertThat(new NightlyStateStore(data, "elm-12").load().done()).hasSize(1);
  }
}
