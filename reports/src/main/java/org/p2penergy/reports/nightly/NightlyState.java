package org.p2penergy.reports.nightly;

import java.time.LocalDate;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the nightly run has done: the local days finished (every step), and the steps done so far
 * for days started but not finished (a failed email, a failed render). Kept in {@code
 * DATA/state/nightly.json} by {@link NightlyStateStore}.
 */
public record NightlyState(SortedSet<LocalDate> done, SortedMap<LocalDate, DayProgress> pending) {
  /** Finished days older than this are forgotten, so the file stays small. */
  static final int KEEP_DONE_DAYS = 400;

  public static final NightlyState EMPTY = new NightlyState(new TreeSet<>(), new TreeMap<>());

  public NightlyState {
    done = Collections.unmodifiableSortedSet(new TreeSet<>(done));
    pending = Collections.unmodifiableSortedMap(new TreeMap<>(pending));
  }

  public Optional<LocalDate> lastDone() {
    return done.isEmpty() ? Optional.empty() : Optional.of(done.last());
  }

  public boolean isDone(LocalDate day) {
    return done.contains(day);
  }

  public DayProgress progress(LocalDate day) {
    return pending.getOrDefault(day, DayProgress.NOTHING);
  }

  public NightlyState with(LocalDate day, DayProgress progress) {
    TreeMap<LocalDate, DayProgress> p = new TreeMap<>(pending);
    p.put(day, progress);
    return new NightlyState(done, p);
  }

  public NightlyState finished(LocalDate day) {
    TreeSet<LocalDate> d = new TreeSet<>(done);
    d.add(day);
    while (d.size() > KEEP_DONE_DAYS) {
      d.pollFirst();
    }
    TreeMap<LocalDate, DayProgress> p = new TreeMap<>(pending);
    p.remove(day);
    return new NightlyState(d, p);
  }
}
