package org.p2penergy.reports.summary;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.home.summary.DaySummary;
import org.p2penergy.home.summary.SummaryFormatException;
import org.p2penergy.home.summary.SummaryJson;
import org.p2penergy.reports.pdf.ReportPeriod;

/**
 * Reads {@code DATA/reports/H/D/summary.json} through the contract's one reader ({@link
 * SummaryJson#read}). Every failure is a {@link SummaryUnavailableException} naming the file.
 */
public final class SummaryReader {
  private SummaryReader() {}

  /**
   * Where the summary of home {@code home}'s local day {@code date} lives under {@code dataDir}.
   */
  public static Path path(Path dataDir, String home, LocalDate date) {
    return dataDir.resolve(DataLayout.of(home).summary(date));
  }

  /** The summary of one day; a missing or unreadable file is a SummaryUnavailableException. */
  public static DaySummary read(Path dataDir, String home, LocalDate date) {
    Path file = path(dataDir, home, date);
    if (!Files.isRegularFile(file)) {
      throw new SummaryUnavailableException(
          "no summary for " + date + ": " + file + " does not exist (run analyze for that day)");
    }
    return parse(file);
  }

  /**
   * What a period's reading found: the summaries, oldest first, and the days that would not read.
   */
  public record Period(List<DaySummary> days, List<Unreadable> unreadable) {}

  /** A day whose summary exists but could not be read, and why. */
  public record Unreadable(LocalDate date, String problem) {}

  /**
   * The summaries that exist for the days of {@code period} ending {@code end}: a corrupt day is
   * named and left out, so the rest of a week or month still renders.
   */
  public static Period readPeriod(Path dataDir, String home, LocalDate end, ReportPeriod period) {
    List<DaySummary> found = new ArrayList<>();
    List<Unreadable> unreadable = new ArrayList<>();
    for (LocalDate day : period.dates(end)) {
      Path file = path(dataDir, home, day);
      if (Files.isRegularFile(file)) {
        try {
          found.add(parse(file));
        } catch (SummaryUnavailableException e) {
          unreadable.add(new Unreadable(day, e.getMessage()));
        }
      }
    }
    return new Period(List.copyOf(found), List.copyOf(unreadable));
  }

  /** Parses one summary file. */
  public static DaySummary parse(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new SummaryUnavailableException(file + " does not exist");
    } catch (MalformedInputException e) {
      throw new SummaryUnavailableException(file + " is not a valid summary: not UTF-8 text");
    } catch (IOException e) {
      throw new SummaryUnavailableException("cannot read " + file + ": " + e.getMessage());
    }
    try {
      return SummaryJson.read(text);
    } catch (SummaryFormatException e) {
      throw new SummaryUnavailableException(file + " is not a valid summary: " + e.getMessage());
    }
  }
}
