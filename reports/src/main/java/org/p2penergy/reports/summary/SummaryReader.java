package org.p2penergy.reports.summary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.reports.pdf.ReportPeriod;

/**
 * Reads {@code DATA/reports/D/summary.json}. Every failure is a {@link UserException} whose
 * one-line message names the file, because the usual fix is "run analyze for that day".
 */
public final class SummaryReader {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          // The contract allows analytics to add keys; an older reader must still work.
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          // Keep the offsets as written: local times stay local.
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  private SummaryReader() {}

  /** Where the summary of local day {@code date} lives under {@code dataDir}. */
  public static Path path(Path dataDir, LocalDate date) {
    return dataDir.resolve("reports").resolve(date.toString()).resolve("summary.json");
  }

  /** The summary of one day; a missing or unreadable file is a one-line UserException. */
  public static DaySummary read(Path dataDir, LocalDate date) {
    Path file = path(dataDir, date);
    if (!Files.isRegularFile(file)) {
      throw new UserException(
          "no summary for " + date + ": " + file + " does not exist (run analyze for that day)");
    }
    return parse(file);
  }

  /** The summaries that exist for the days of {@code period} ending {@code end}, oldest first. */
  public static List<DaySummary> readPeriod(Path dataDir, LocalDate end, ReportPeriod period) {
    List<DaySummary> found = new ArrayList<>();
    for (LocalDate day : period.dates(end)) {
      if (Files.isRegularFile(path(dataDir, day))) {
        found.add(parse(path(dataDir, day)));
      }
    }
    return List.copyOf(found);
  }

  /** Parses one summary file. */
  public static DaySummary parse(Path file) {
    DaySummary summary;
    try {
      summary = MAPPER.readValue(Files.readAllBytes(file), DaySummary.class);
    } catch (NoSuchFileException e) {
      throw new UserException(file + " does not exist");
    } catch (JsonProcessingException e) {
      throw new UserException(
          file + " is not a valid summary: " + firstLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    }
    if (summary == null || summary.date() == null) {
      throw new UserException(file + " is not a valid summary: no \"date\"");
    }
    if (summary.schemaVersion() > DaySummary.SCHEMA_VERSION) {
      throw new UserException(
          file
              + " has schema_version "
              + summary.schemaVersion()
              + "; this version reads up to "
              + DaySummary.SCHEMA_VERSION);
    }
    return summary;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable JSON";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
