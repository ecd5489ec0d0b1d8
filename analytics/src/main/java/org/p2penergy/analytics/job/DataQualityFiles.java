package org.p2penergy.analytics.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.p2penergy.home.layout.DataLayout;

/**
 * Reads the collector's small side files (outages, quarantine) on the driver through Hadoop's file
 * system, so the data directory may be any Hadoop URI. A line that does not parse is skipped and
 * counted, never fatal.
 */
public final class DataQualityFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Quarantined events received in a window, by reason. */
  public record Quarantine(long total, Map<String, Long> reasons) {}

  private final String dataDir;
  private final String home;
  private final Configuration conf;

  /** The side files of {@code home} (and the older files directly in the folders, as its own). */
  public DataQualityFiles(String dataDir, String home, Configuration conf) {
    this.dataDir = dataDir;
    this.home = home;
    this.conf = conf;
  }

  /** Outages overlapping [from, to); files are named by the UTC date of their start. */
  public List<Outage> outages(Instant from, Instant to) throws IOException {
    List<Outage> result = new ArrayList<>();
    for (JsonNode line :
        lines(
            DataLayout.of(home).outages(),
            DataLayout.legacyOutages(),
            from.minusSeconds(86_400 * 2),
            to)) {
      try {
        Instant start = Instant.parse(line.path("start").asText());
        Instant end = Instant.parse(line.path("end").asText());
        if (start.isBefore(to) && end.isAfter(from)) {
          result.add(new Outage(start, end, line.path("reason").asText("")));
        }
      } catch (DateTimeParseException e) {
        // a malformed outage line: nothing to report for it
      }
    }
    result.sort((a, b) -> a.start().compareTo(b.start()));
    return result;
  }

  /** Quarantined events whose received_at falls in [from, to). */
  public Quarantine quarantine(Instant from, Instant to) throws IOException {
    long total = 0;
    Map<String, Long> reasons = new TreeMap<>();
    for (JsonNode line :
        lines(
            DataLayout.of(home).quarantine(),
            DataLayout.legacyQuarantine(),
            from.minusSeconds(86_400),
            to)) {
      Instant received;
      try {
        received = Instant.parse(line.path("received_at").asText());
      } catch (DateTimeParseException e) {
        continue;
      }
      if (!received.isBefore(from) && received.isBefore(to)) {
        total++;
        reasons.merge(line.path("reason").asText("unknown"), 1L, Long::sum);
      }
    }
    return new Quarantine(total, reasons);
  }

  private List<JsonNode> lines(String folder, String legacyFolder, Instant from, Instant to)
      throws IOException {
    List<JsonNode> result = new ArrayList<>();
    FileSystem fs = new Path(dataDir).getFileSystem(conf);
    LocalDate last = to.atZone(ZoneOffset.UTC).toLocalDate();
    List<Path> files = new ArrayList<>();
    for (LocalDate d = from.atZone(ZoneOffset.UTC).toLocalDate();
        !d.isAfter(last);
        d = d.plusDays(1)) {
      files.add(new Path(new Path(dataDir, folder), d + ".jsonl"));
      files.add(new Path(new Path(dataDir, legacyFolder), d + ".jsonl"));
    }
    for (Path file : files) {
      if (!fs.exists(file)) {
        continue;
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
        String text;
        while ((text = reader.readLine()) != null) {
          if (text.isBlank()) {
            continue;
          }
          try {
            result.add(JSON.readTree(text));
          } catch (IOException e) {
            // a torn last line of a file being appended: skip it
          }
        }
      }
    }
    return result;
  }
}
