package org.p2penergy.collector.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.store.StoreFailure;

/** The engine's rules on real files, with a folder as the store. */
class UploaderTest {
  private static final Instant NOW = Instant.parse("2026-12-10T12:00:00Z");
  private static final String QUARANTINE = "quarantine/home=elm-12/2026-12-01.jsonl";
  private static final String READINGS = "readings/home=elm-12/date=2026-12-01/part-1.parquet";
  @TempDir Path dir;
  private Path data;
  private FolderStore store;
  private UploadJournal journal;
  private Uploader uploader;

  @BeforeEach
  void open() throws IOException {
    data = Files.createDirectories(dir.resolve("data"));
    store = new FolderStore(dir.resolve("store"));
    journal = UploadJournal.open(data.resolve("state/upload/journal.jsonl"));
    uploader = uploader();
  }

  private Uploader uploader() {
    return new Uploader(
        new LocalObjects(data, List.of("elm-12"), "elm-12"),
        journal,
        store,
        Clock.fixed(NOW, ZoneOffset.UTC),
        Duration.ofDays(7),
        Uploader.Events.NONE);
  }

  private Path write(String relative, String text, Instant modified) throws IOException {
    Path p = data.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    Files.setLastModifiedTime(p, FileTime.from(modified));
    return p;
  }

  private void sendAll() throws Exception {
    for (Uploader.Waiting w : uploader.waiting()) {
      uploader.send(w);
    }
  }

  @Test
  void whatWaitsIsWhatTheJournalHasNotConfirmedOldestFirst() throws Exception {
    write(READINGS, "PAR1-newer", NOW.minusSeconds(60));
    write(QUARANTINE, "{\"a\":1}\n", NOW.minusSeconds(3600));
    assertThat(uploader.waiting())
        .extracting(Uploader.Waiting::key)
        .containsExactly(QUARANTINE, READINGS);
    sendAll();
    assertThat(uploader.waiting()).isEmpty();
    assertThat(Files.readString(store.object(READINGS))).isEqualTo("PAR1-newer");
    // Rewritten under the same name (a segment converted again): sent again, same key.
    write(READINGS, "PAR1-again", NOW.minusSeconds(30));
    assertThat(uploader.waiting()).extracting(Uploader.Waiting::key).containsExactly(READINGS);
  }

  @Test
  void aSideFileGoesUpToItsLastCompleteLineAndAgainWhenItGrows() throws Exception {
    Path q = write(QUARANTINE, "{\"a\":1}\n{\"b\":", NOW.minusSeconds(60));
    assertThat(uploader.waiting())
        .singleElement()
        .extracting(Uploader.Waiting::bytes)
        .isEqualTo(8L);
    sendAll();
    assertThat(Files.readString(store.object(QUARANTINE))).isEqualTo("{\"a\":1}\n");
    Files.writeString(q, "2}\n", StandardOpenOption.APPEND);
    Files.setLastModifiedTime(q, FileTime.from(NOW.minusSeconds(30)));
    sendAll();
    assertThat(Files.readString(store.object(QUARANTINE))).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
  }

  @Test
  void aFailedUploadStillWaitsAndNothingIsRecorded() throws Exception {
    write(READINGS, "PAR1", NOW.minusSeconds(60));
    store.failures.add(new StoreFailure(StoreFailure.Kind.THROTTLED, "slow down", null));
    Uploader.Waiting w = uploader.waiting().get(0);
    assertThatThrownBy(() -> uploader.send(w)).isInstanceOf(StoreFailure.class);
    assertThat(journal.get(READINGS)).isNull();
    assertThat(uploader.waiting()).hasSize(1);
  }

  @Test
  void retentionDeletesOnlyConfirmedUnchangedFilesOlderThanKeepLocal() throws Exception {
    Path oldConfirmed = write(READINGS, "PAR1", NOW.minus(Duration.ofDays(8)));
    Path recent =
        write(READINGS.replace("part-1", "part-2"), "PAR2", NOW.minus(Duration.ofDays(6)));
    sendAll();
    Path oldUnconfirmed =
        write(READINGS.replace("part-1", "part-3"), "PAR3", NOW.minus(Duration.ofDays(30)));
    assertThat(uploader.retention()).isEqualTo(1);
    assertThat(oldConfirmed).doesNotExist();
    assertThat(recent).exists(); // 6 days < 7
    assertThat(oldUnconfirmed).exists(); // never confirmed: never deleted
    assertThat(Files.readString(store.object(READINGS))).isEqualTo("PAR1");
    // A confirmed file that changed since is not deleted either (it waits).
    Files.writeString(recent, "PAR2-changed");
    Files.setLastModifiedTime(recent, FileTime.from(NOW.minus(Duration.ofDays(9))));
    assertThat(uploader.retention()).isZero();
    assertThat(recent).exists();
  }

  @Test
  void aSideFileWrittenAgainAfterRetentionGoesAfterTheBytesAlreadyInTheStore() throws Exception {
    // An outage that began 9 days ago is recorded today, into a day file retention deleted.
    String day = "outages/home=elm-12/2026-12-01.jsonl";
    write(day, "{\"start\":\"one\"}\n", NOW.minus(Duration.ofDays(9)));
    sendAll();
    assertThat(uploader.retention()).isEqualTo(1);
    assertThat(data.resolve(day)).doesNotExist();
    write(day, "{\"start\":\"two\"}\n", NOW.minusSeconds(5));
    Uploader.Waiting w = uploader.waiting().get(0);
    assertThat(w.base()).isEqualTo(16); // the 16 bytes of the first line, kept in the store
    uploader.send(w);
    assertThat(Files.readString(store.object(day)))
        .isEqualTo("{\"start\":\"one\"}\n{\"start\":\"two\"}\n");
    // It grows again: still after the old bytes, once.
    Files.writeString(data.resolve(day), "{\"start\":\"three\"}\n", StandardOpenOption.APPEND);
    Files.setLastModifiedTime(data.resolve(day), FileTime.from(NOW.minusSeconds(1)));
    sendAll();
    assertThat(Files.readString(store.object(day)))
        .isEqualTo("{\"start\":\"one\"}\n{\"start\":\"two\"}\n{\"start\":\"three\"}\n");
  }

  @Test
  void aDeleteJournaledButNotDoneWhenTheProcessEndedIsFinishedNotSentAgain() throws Exception {
    Path p = write(READINGS, "PAR1", NOW.minus(Duration.ofDays(8)));
    sendAll();
    JournalEntry confirmed = journal.get(READINGS);
    journal.recordDurably(confirmed.deleted(NOW)); // then a kill -9, before the delete
    journal.close();
    journal = UploadJournal.open(data.resolve("state/upload/journal.jsonl"));
    uploader = uploader();
    int puts = store.puts;
    assertThat(uploader.waiting()).isEmpty();
    assertThat(p).doesNotExist();
    assertThat(store.puts).isEqualTo(puts);
  }

  @Test
  void theCompleteLinesOfAFile() throws IOException {
    Path f = dir.resolve("f");
    Files.writeString(f, "ab\ncd\nef");
    assertThat(Uploader.completeLines(f, Files.size(f))).isEqualTo(6);
    Files.writeString(f, "no newline");
    assertThat(Uploader.completeLines(f, Files.size(f))).isZero();
    byte[] big = new byte[10_000];
    big[2] = '\n';
    Files.write(f, big);
    assertThat(Uploader.completeLines(f, big.length)).isEqualTo(3); // across 4 KiB reads
  }
}
