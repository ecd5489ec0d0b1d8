package org.p2penergy.collector.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.collector.store.Reading;
import org.p2penergy.collector.store.ReadingsFileReader;
import org.p2penergy.home.config.Appliance;
import org.p2penergy.home.config.CommunityConfig;
import org.p2penergy.home.config.CommunityLoader;
import org.p2penergy.home.layout.DataLayout;

/**
 * The generator's files read back by hand: the layout, the order, and each home-device-day's kWh
 * summed from the rows (left rule, the home file's noise floor) against expected.csv, over two
 * local days that include the 25-hour 2026-11-01 of New York and Los Angeles.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunityGeneratorIT {
  static final LocalDate START = LocalDate.of(2026, 10, 31);
  @TempDir static Path dir;
  CommunityGenerator.Result result;
  CommunityConfig community;

  @BeforeAll
  void generate() throws Exception {
    result =
        CommunityGenerator.generate(new CommunityGenerator.Settings(dir, 4, 3, 0, START, 2, 2));
    community = CommunityLoader.load(dir.resolve("community.yaml"));
  }

  record Key(String home, String device, LocalDate date) {}

  @Test
  void theLayoutIsTheCollectorsPerHomeAndUtcDate() throws Exception {
    List<Path> files = ReadingsFileReader.partFiles(dir.resolve("data/readings"));
    assertThat(files).hasSize(result.files());
    Set<String> partitions = new HashSet<>();
    for (Path f : files) {
      String rel = dir.resolve("data").relativize(f).toString();
      assertThat(rel).matches("readings/home=home-00[123]/date=\\d{4}-\\d\\d-\\d\\d/part-.*");
      partitions.add(rel.substring(0, rel.lastIndexOf('/')));
    }
    // New York and Los Angeles days span 3 UTC dates, Berlin's (UTC+1) 3 as well
    assertThat(partitions)
        .contains(
            DataLayout.of("home-001").readings(LocalDate.of(2026, 11, 2)),
            DataLayout.of("home-002").readings(LocalDate.of(2026, 10, 30)));
    assertThat(result.files()).isEqualTo(9);
  }

  @Test
  void everyHomeDeviceDayAddsUpToExpectedCsv() throws Exception {
    Map<Key, double[]> summed = new HashMap<>();
    long rows = 0;
    for (CommunityConfig.Member home : community.homes()) {
      ZoneId zone = home.config().home().timezone();
      Map<String, Appliance> appliances = new HashMap<>();
      home.config().appliances().forEach(a -> appliances.put(a.deviceId(), a));
      Map<String, List<Reading>> byDevice = new TreeMap<>();
      for (Path f : ReadingsFileReader.partFiles(dir.resolve("data/readings"))) {
        if (!f.toString().contains("home=" + home.id() + "/")) continue;
        String utc = f.getParent().getFileName().toString().substring("date=".length());
        Reading previous = null;
        for (Reading r : ReadingsFileReader.readAll(f)) {
          // plain checks per row (millions of them), one assertion per file below
          boolean ordered =
              previous == null
                  || previous.deviceId().compareTo(r.deviceId()) < 0
                  || previous.deviceId().equals(r.deviceId()) && previous.ts().isBefore(r.ts());
          if (!appliances.containsKey(r.deviceId())
              || !r.event().equals("power")
              || !r.ts().atOffset(ZoneOffset.UTC).toLocalDate().toString().equals(utc)
              || !ordered) {
            throw new AssertionError(f + ": out of place: " + r + " after " + previous);
          }
          previous = r;
          byDevice.computeIfAbsent(r.deviceId(), d -> new ArrayList<>()).add(r);
        }
      }
      assertThat(byDevice).containsOnlyKeys(appliances.keySet());
      for (Map.Entry<String, List<Reading>> e : byDevice.entrySet()) {
        List<Reading> list = e.getValue();
        list.sort(java.util.Comparator.comparing(Reading::ts));
        Appliance a = appliances.get(e.getKey());
        rows += list.size();
        for (int i = 0; i < list.size(); i++) {
          Reading r = list.get(i);
          Key key = new Key(home.id(), r.deviceId(), r.ts().atZone(zone).toLocalDate());
          double[] s = summed.computeIfAbsent(key, k -> new double[2]);
          s[0]++;
          if (i + 1 < list.size()) {
            long gap = list.get(i + 1).ts().getEpochSecond() - r.ts().getEpochSecond();
            if (gap != 1) { // 1 s everywhere, so no interval crosses a local midnight
              throw new AssertionError("a gap of " + gap + " s after " + r);
            }
            s[1] += Math.max(0, r.value() - a.noiseFloorW()) * gap / 3.6e6;
          }
        }
      }
    }
    assertThat(rows).isEqualTo(result.readings());
    Map<Key, double[]> expected = new HashMap<>();
    List<String> lines = Files.readAllLines(dir.resolve("expected.csv"));
    assertThat(lines.get(0)).isEqualTo("home,device_id,kind,date,readings,kwh");
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      expected.put(
          new Key(f[0], f[1], LocalDate.parse(f[3])),
          new double[] {Double.parseDouble(f[4]), Double.parseDouble(f[5])});
    }
    assertThat(summed.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (Key k : expected.keySet()) {
      assertThat(summed.get(k)[0]).as("readings " + k).isEqualTo(expected.get(k)[0]);
      assertThat(summed.get(k)[1]).as("kWh " + k).isCloseTo(expected.get(k)[1], within(2e-9));
    }
    // 2026-11-01 has 25 hours in New York and Los Angeles, 24 in Berlin (its change was Oct 25)
    assertThat(expected)
        .anySatisfy(
            (k, v) ->
                assertThat(k.home() + k.date() + v[0]).isEqualTo("home-0012026-11-0190000.0"));
    expected.forEach(
        (k, v) -> {
          int hours = k.home().equals("home-002") || k.date().equals(START) ? 24 : 25;
          assertThat(v[0]).as(k.toString()).isEqualTo(hours * 3600.0);
        });
  }

  @Test
  void theSameSeedWritesTheSameBytes(@TempDir Path again) throws Exception {
    CommunityGenerator.generate(new CommunityGenerator.Settings(again, 4, 3, 0, START, 2, 1));
    List<Path> ours = ReadingsFileReader.partFiles(dir.resolve("data/readings"));
    for (Path f : ours) {
      Path twin = again.resolve(dir.relativize(f));
      assertThat(Files.mismatch(f, twin)).as(twin.toString()).isEqualTo(-1L);
    }
    assertThat(Files.readString(again.resolve("expected.csv")))
        .isEqualTo(Files.readString(dir.resolve("expected.csv")));
  }

  @Test
  void readingsVaryAroundTheLoadLikeASensorsDo() throws Exception {
    Path file = ReadingsFileReader.partFiles(dir.resolve("data/readings")).get(1);
    Set<Double> values = new HashSet<>();
    for (Reading r : ReadingsFileReader.readAll(file)) {
      values.add(r.value());
      long latency = r.receivedAt().toEpochMilli() - r.ts().toEpochMilli();
      assertThat(latency).isBetween(80L, 499L);
    }
    assertThat(values.size()).isGreaterThan(100);
  }

  @Test
  void aFolderWithReadingsIsNotOverwritten() {
    assertThatThrownBy(
            () ->
                CommunityGenerator.generate(
                    new CommunityGenerator.Settings(dir, 5, 3, 0, START, 1, 1)))
        .isInstanceOf(FileAlreadyExistsException.class)
        .hasMessageContaining("holds readings already");
  }
}
