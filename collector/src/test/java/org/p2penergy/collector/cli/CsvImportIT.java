package org.p2penergy.collector.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingsFileReader;

/**
 * Issue 13 points 3 and 7 through {@code bin/p2penergy import csv}: impossible watts are
 * quarantined, a stray byte spoils one line and not the file, nothing imported is an error, a
 * directory is called one, and a 2 MB number is refused fast. Reads whatever layout the release
 * writes (readings and quarantine folders with or without {@code home=H}).
 */
class CsvImportIT {
  @TempDir Path dir;

  private Launcher.Result importCsv(Duration limit, Path file) throws Exception {
    return Launcher.run(
        limit,
        Map.of(),
        "import",
        "csv",
        "--data",
        dir.resolve("data").toString(),
        "--device",
        "d",
        file.toString());
  }

  private List<Double> values() throws IOException {
    List<Double> v = new ArrayList<>();
    for (Path f : ReadingsFileReader.partFiles(dir.resolve("data/readings"))) {
      for (Reading r : ReadingsFileReader.readAll(f)) v.add(r.value());
    }
    v.sort(null);
    return v;
  }

  private List<String> quarantine() throws IOException {
    List<String> lines = new ArrayList<>();
    Path q = dir.resolve("data/quarantine");
    if (!Files.isDirectory(q)) return lines;
    try (Stream<Path> files = Files.walk(q)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    return lines;
  }

  @Test
  void impossibleWattsAreQuarantinedAndTheEdgeOfTheRangeIsKept() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("range.csv"),
            "time,watts\n2026-11-27T10:00:00Z,1e12\n2026-11-27T10:00:01Z,-1e7\n"
                + "2026-11-27T10:00:02Z,1000001\n2026-11-27T10:00:03Z,1e6\n");
    Launcher.Result r = importCsv(Duration.ofSeconds(60), file);
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(values()).containsExactly(1e6);
    assertThat(quarantine()).hasSize(3).allMatch(l -> l.contains("value out of physical range"));
  }

  @Test
  void aStrayLatin1ByteSpoilsOneLineNotTheFile() throws Exception {
    Path file = dir.resolve("latin1.csv");
    Files.write(
        file,
        "time,watts\n2026-11-27T10:00:00Z,10\n2026-11-27T10:00:01Z,20\u00b0C\n2026-11-27T10:00:02Z,30\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    Launcher.Result r = importCsv(Duration.ofSeconds(60), file);
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(values()).containsExactly(10.0, 30.0);
    assertThat(quarantine()).singleElement().asString().contains("not UTF-8 text: byte 0xB0");
  }

  @Test
  void nothingImportedIsSaidInOneLineAndExitsThree() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("semicolons.csv"),
            "time;watts\n2026-11-27T10:00:00Z;10\n2026-11-27T10:00:01Z;20\n");
    Launcher.Result r = importCsv(Duration.ofSeconds(60), file);
    assertThat(r.code()).as(r.all()).isEqualTo(3);
    // stderr also carries the progress lines ("import csv: FILE: N rows"): the error is one line.
    assertThat(r.err().lines().filter(l -> l.startsWith("csv:")))
        .singleElement()
        .asString()
        .contains("nothing imported: all 2 rows were quarantined");
    assertThat(quarantine()).hasSize(2);
  }

  @Test
  void aDirectoryIsCalledADirectory() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("traces"));
    Launcher.Result r = importCsv(Duration.ofSeconds(60), folder);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("is a directory").doesNotContain("no such file");
  }

  @Test
  void aTwoMegabyteNumberIsRefusedInSecondsNotMinutes() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("huge.csv"),
            "time,watts\n2026-11-27T10:00:00Z,"
                + "1".repeat(2_000_000)
                + "\n2026-11-27T10:00:01Z,30\n");
    Launcher.Result r = importCsv(Duration.ofSeconds(30), file);
    assertThat(r.code()).as(r.all()).isZero();
    assertThat(r.millis()).as("ms").isLessThan(15_000);
    System.out.println("import csv of a 2 MB number: " + r.millis() + " ms");
    assertThat(values()).containsExactly(30.0);
    assertThat(quarantine()).singleElement().asString().contains("line too long");
  }
}
