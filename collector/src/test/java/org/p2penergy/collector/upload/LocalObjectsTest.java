package org.p2penergy.collector.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.upload.LocalObjects.LocalObject;

class LocalObjectsTest {
  @TempDir Path data;

  private void touch(String relative) throws IOException {
    Path p = data.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "x\n");
  }

  @Test
  void everyFileOfTheHomeAndTheOlderLayoutUnderTheHomesKeys() throws IOException {
    touch("readings/home=elm-12/date=2026-11-27/part-a.parquet");
    touch("readings/home=elm-12/date=2026-11-27/.part-b.parquet.tmp"); // being written
    touch("readings/home=elm-14/date=2026-11-27/part-c.parquet"); // another home
    touch("readings/unassigned/date=2026-11-27/part-d.parquet"); // no home
    touch("readings/date=2026-11-20/part-old.parquet"); // before homes had ids
    touch("quarantine/home=elm-12/2026-11-27.jsonl");
    touch("quarantine/unassigned/2026-11-27.jsonl");
    touch("outages/2026-11-26.jsonl");
    touch("outages/home=elm-12/2026-11-26.jsonl"); // the upgrade day: both
    touch("outages/home=elm-12/notes.txt");
    touch("upload-outages/home=elm-12/2026-11-28.jsonl");
    touch("state/upload/journal.jsonl");
    touch("spool/seg-1.spool");

    List<LocalObject> objects = new LocalObjects(data, List.of("elm-12"), "elm-12").list();

    assertThat(objects)
        .containsExactly(
            new LocalObject(
                "outages/home=elm-12/2026-11-26.jsonl",
                List.of("outages/2026-11-26.jsonl", "outages/home=elm-12/2026-11-26.jsonl")),
            new LocalObject(
                "quarantine/home=elm-12/2026-11-27.jsonl",
                List.of("quarantine/home=elm-12/2026-11-27.jsonl")),
            new LocalObject(
                "readings/home=elm-12/date=2026-11-20/part-old.parquet",
                List.of("readings/date=2026-11-20/part-old.parquet")),
            new LocalObject(
                "readings/home=elm-12/date=2026-11-27/part-a.parquet",
                List.of("readings/home=elm-12/date=2026-11-27/part-a.parquet")),
            new LocalObject(
                "upload-outages/home=elm-12/2026-11-28.jsonl",
                List.of("upload-outages/home=elm-12/2026-11-28.jsonl")));
  }

  @Test
  void aCommunityCollectorHasNoOlderLayoutAndSendsEachOfItsHomes() throws IOException {
    touch("readings/home=elm-12/date=2026-11-27/part-a.parquet");
    touch("readings/home=elm-14/date=2026-11-27/part-c.parquet");
    touch("readings/date=2026-11-20/part-old.parquet");
    assertThat(new LocalObjects(data, List.of("elm-12", "elm-14"), null).list())
        .extracting(LocalObject::key)
        .containsExactly(
            "readings/home=elm-12/date=2026-11-27/part-a.parquet",
            "readings/home=elm-14/date=2026-11-27/part-c.parquet");
  }

  @Test
  void symbolicLinksAreNotFollowed() throws IOException {
    touch("elsewhere/secret.jsonl");
    Files.createDirectories(data.resolve("quarantine/home=elm-12"));
    Files.createSymbolicLink(
        data.resolve("quarantine/home=elm-12/2026-11-27.jsonl"),
        data.resolve("elsewhere/secret.jsonl"));
    assertThat(new LocalObjects(data, List.of("elm-12"), "elm-12").list()).isEmpty();
  }
}
