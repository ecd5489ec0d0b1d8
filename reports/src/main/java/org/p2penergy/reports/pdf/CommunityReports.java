package org.p2penergy.reports.pdf;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.p2penergy.home.config.CommunityConfig;
import org.p2penergy.home.config.CommunityLoader;
import org.p2penergy.reports.store.ReportStore;
import org.p2penergy.reports.summary.SummaryUnavailableException;

/**
 * {@code report --community}: every home's PDF of one period, one home after another, read from and
 * put back where analyze wrote the summaries. A home that cannot be reported (its file broken, its
 * summary missing) is named; the others are still done.
 */
public final class CommunityReports {
  // The same exit codes as nightly's.
  static final int NOT_RENDERED = 4;
  static final int HOME_SKIPPED = 7;

  private final ReportStore store;
  private final CommunityLoader.Tolerant loaded;

  CommunityReports(ReportStore store, CommunityLoader.Tolerant loaded) {
    this.store = store;
    this.loaded = loaded;
  }

  /** Renders every home's report; prints "HOME: PDF" or "HOME: FAILED: why"; the exit code. */
  int render(LocalDate date, ReportPeriod period, Consumer<String> out) {
    List<String> problems = new ArrayList<>(loaded.brokenHomes());
    int exit = problems.isEmpty() ? 0 : HOME_SKIPPED;
    problems.forEach(p -> out.accept("SKIPPED: " + p));
    ReportRenderer renderer = new ReportRenderer();
    for (CommunityConfig.Member home : loaded.community().homes()) {
      try {
        out.accept(
            home.id() + ": " + store.render(renderer, home.id(), date, period, null).location());
      } catch (SummaryUnavailableException | ReportException e) {
        out.accept(home.id() + ": FAILED: " + e.getMessage());
        problems.add(home.id() + ": " + e.getMessage());
        exit = Math.max(exit, NOT_RENDERED);
      }
    }
    int homes = loaded.community().homes().size() + loaded.brokenHomes().size();
    out.accept(
        homes
            + (homes == 1 ? " home; " : " homes; ")
            + (problems.isEmpty() ? "no problem" : problems.size() + " problem(s)"));
    return exit;
  }
}
