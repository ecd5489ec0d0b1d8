package org.p2penergy.collector.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.store.IoFaults;

class UploadJournalTest {
  private static final Instant AT = Instant.parse("2026-11-27T10:00:00Z");
  @TempDir Path dir;

  private static JournalEntry put(String key, long n) {
    return new JournalEntry(
        key, false, n, "00ff", 0, List.of(new JournalEntry.Source(key, n, 1234)), AT);
  }

  @Test
  void whatIsRecordedIsThereAfterAReopenAndTheLastLineForAKeyWins() throws IOException {
    Path file = dir.resolve("state/upload/journal.jsonl");
    try (UploadJournal j = UploadJournal.open(file)) {
      j.record(put("readings/a.parquet", 10));
      j.record(put("quarantine/d.jsonl", 5));
      j.record(put("quarantine/d.jsonl", 9));
    }
    try (UploadJournal j = UploadJournal.open(file)) {
      assertThat(j.entries()).hasSize(2);
      assertThat(j.get("quarantine/d.jsonl").length()).isEqualTo(9);
      assertThat(j.get("readings/a.parquet")).isEqualTo(put("readings/a.parquet", 10));
      assertThat(j.skippedLines()).isZero();
    }
    assertThat(Files.readAllLines(file)).hasSize(3);
  }

  @Test
  void aLineTornByAPowerCutIsSkippedAndTheNextOneStartsOnItsOwnLine() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    try (UploadJournal j = UploadJournal.open(file)) {
      j.record(put("readings/a.parquet", 10));
    }
    String whole = UploadJournal.line(put("readings/b.parquet", 20));
    Files.writeString(
        file,
        whole.substring(0, whole.length() / 2),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    try (UploadJournal j = UploadJournal.open(file)) {
      assertThat(j.skippedLines()).isEqualTo(1);
      assertThat(j.get("readings/b.parquet")).isNull(); // b is simply sent again
      j.record(put("readings/c.parquet", 30));
    }
    try (UploadJournal j = UploadJournal.open(file)) {
      assertThat(j.entries())
          .extracting(JournalEntry::key)
          .containsExactly("readings/a.parquet", "readings/c.parquet");
      assertThat(j.skippedLines()).isEqualTo(1);
    }
  }

  @Test
  void aLineWithAFlippedByteFailsItsCheck() {
    String line = UploadJournal.line(put("readings/a.parquet", 10));
    assertThat(UploadJournal.parse(line)).isNotNull();
    assertThat(UploadJournal.parse(line.replace("\"n\":10", "\"n\":19"))).isNull();
  }

  @Test
  void onAFullDiskAnEntryIsKnownAtOnceAndWrittenWhenSpaceReturns() throws IOException {
    AtomicBoolean full = new AtomicBoolean(true);
    IoFaults faults =
        f -> {
          if (full.get()) {
            throw new IOException("No space left on device");
          }
        };
    Path file = dir.resolve("journal.jsonl");
    try (UploadJournal j = UploadJournal.open(file, faults)) {
      assertThatThrownBy(() -> j.record(put("readings/a.parquet", 10)))
          .hasMessageContaining("No space left");
      assertThat(j.get("readings/a.parquet")).isNotNull();
      assertThat(j.unwritten()).isEqualTo(1);
      // A delete is recorded only durably: on failure it is not even known.
      assertThatThrownBy(() -> j.recordDurably(put("readings/a.parquet", 10).deleted(AT)))
          .isInstanceOf(IOException.class);
      assertThat(j.get("readings/a.parquet").gone()).isFalse();
      full.set(false);
      j.flush();
      assertThat(j.unwritten()).isZero();
    }
    try (UploadJournal j = UploadJournal.open(file)) {
      assertThat(j.get("readings/a.parquet").gone()).isFalse();
    }
  }

  @Test
  void mostlyDeadLinesAreCompactedAwayWhenItOpens() throws IOException {
    Path file = dir.resolve("journal.jsonl");
    try (UploadJournal j = UploadJournal.open(file)) {
      for (int i = 0; i < 100; i++) {
        j.record(put("quarantine/d.jsonl", i + 1)); // a side file sent 100 times as it grew
      }
    }
    assertThat(Files.readAllLines(file)).hasSize(100);
    try (UploadJournal j = UploadJournal.open(file)) {
      assertThat(j.get("quarantine/d.jsonl").length()).isEqualTo(100);
    }
    assertThat(Files.readAllLines(file)).hasSize(1);
  }
}
