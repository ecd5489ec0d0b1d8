package org.p2penergy.reports.nightly;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.p2penergy.home.config.CommunityLoader;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.reports.store.ReportStore;

/**
 * The nightly run of a community: one analyze of every home at once for the days any home still
 * needs, then every home's reports and emails (its own state, its own {@code mail.to}, exactly as a
 * single home's nightly), one home at a time. A home whose file is broken is named and skipped; a
 * home whose mail server fails waits for the next run; neither stops the others.
 */
final class CommunityNightly {
  /** A home's file could not be read: that home is skipped, the others are done. */
  static final int HOME_SKIPPED = 7;

  /** How a community's homes and their helpers are made; the command passes the real ones. */
  interface Parts {
    /** The analyze of the community's homes whose files read, for a range of days. */
    Analyzer analyzer(Path communityFile);

    Optional<org.p2penergy.reports.mail.Mailer> mailer(HomeConfig home);
  }

  private final ReportStore store;
  private final Path community;
  private final CommunityLoader.Tolerant loaded;
  private final Clock clock;
  private final Optional<Duration> grace;
  private final Optional<LocalDate> since;
  private final Parts parts;
  private final Consumer<String> progress;

  CommunityNightly(
      ReportStore store,
      Path community,
      CommunityLoader.Tolerant loaded,
      Clock clock,
      Optional<Duration> grace,
      Optional<LocalDate> since,
      Parts parts,
      Consumer<String> progress) {
    this.store = store;
    this.community = community;
    this.loaded = loaded;
    this.clock = clock;
    this.grace = grace;
    this.since = since;
    this.parts = parts;
    this.progress = progress;
  }

  int run() {
    List<String> problems = new ArrayList<>();
    int exit = NightlyOutcome.OK;
    for (String broken : loaded.brokenHomes()) {
      problems.add(broken);
      progress.accept("SKIPPED: " + broken);
      exit = HOME_SKIPPED;
    }
    Map<String, HomeConfig> homes = new LinkedHashMap<>();
    loaded.community().homes().forEach(m -> homes.put(m.id(), m.config()));
    if (homes.isEmpty()) {
      progress.accept("no home to do");
      return exit;
    }
    // What each home still owes, in its own zone.
    Map<String, NightlyStateStore> stores = new LinkedHashMap<>();
    Map<String, List<LocalDate>> days = new LinkedHashMap<>();
    TreeSet<LocalDate> unanalyzed = new TreeSet<>();
    for (HomeConfig h : homes.values()) {
      String id = h.home().id();
      NightlyStateStore homeState = NightlyStateStore.ofCommunityHome(store.folder(), id);
      stores.put(id, homeState);
      Duration g = grace.orElse(h.collector().roll().plusMinutes(10));
      LocalDate last = NightlyPlan.lastCompleteDay(clock.instant(), h.home().timezone(), g);
      NightlyState state = homeState.load();
      List<LocalDate> todo = NightlyPlan.days(state, last, since);
      days.put(id, todo);
      todo.stream().filter(d -> !state.progress(d).analyzed()).forEach(unanalyzed::add);
    }
    Map<LocalDate, String> failed = analyze(unanalyzed, homes.size());
    // Every home then owes only its reports and emails: its analyze already ran (or failed).
    Analyzer done =
        (from, to) -> {
          for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (failed.containsKey(d)) throw new Analyzer.AnalyzeException(failed.get(d));
          }
        };
    for (HomeConfig h : homes.values()) {
      String id = h.home().id();
      NightlyRun run =
          new NightlyRun(
              store.folder(),
              h,
              done,
              Reporter.of(store, id),
              parts.mailer(h),
              stores.get(id),
              text -> progress.accept(id + ": " + text));
      NightlyOutcome outcome = run.run(days.get(id));
      outcome.problems().forEach(p -> problems.add(id + ": " + p));
      exit = Math.max(exit, outcome.exitCode());
    }
    progress.accept(
        homes.size()
            + (homes.size() == 1 ? " home; " : " homes; ")
            + (problems.isEmpty() ? "no problem" : problems.size() + " problem(s):"));
    problems.forEach(p -> progress.accept("  " + p));
    return exit;
  }

  /** One analyze of every home per run of consecutive days; the failed days, with why. */
  private Map<LocalDate, String> analyze(TreeSet<LocalDate> days, int homes) {
    Map<LocalDate, String> failed = new LinkedHashMap<>();
    if (days.isEmpty()) {
      return failed;
    }
    Analyzer analyzer = parts.analyzer(community);
    List<LocalDate> all = new ArrayList<>(days);
    int i = 0;
    while (i < all.size()) {
      int j = i;
      while (j + 1 < all.size() && all.get(j + 1).equals(all.get(j).plusDays(1))) j++;
      LocalDate from = all.get(i);
      LocalDate to = all.get(j);
      progress.accept(
          "analyze " + ChildProcessAnalyzer.range(from, to) + " for " + homes + " homes");
      try {
        analyzer.analyze(from, to);
      } catch (RuntimeException e) {
        progress.accept("FAILED: " + e.getMessage());
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) failed.put(d, e.getMessage());
      }
      i = j + 1;
    }
    return failed;
  }
}
