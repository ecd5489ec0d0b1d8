package org.p2penergy.reports.nightly;

import java.util.Set;
import java.util.TreeSet;

/** Which steps of one local day are done: analyzed, and per period rendered and emailed. */
public record DayProgress(boolean analyzed, Set<String> rendered, Set<String> emailed) {
  public static final DayProgress NOTHING = new DayProgress(false, Set.of(), Set.of());

  public DayProgress {
    rendered = Set.copyOf(rendered);
    emailed = Set.copyOf(emailed);
  }

  public DayProgress withAnalyzed() {
    return new DayProgress(true, rendered, emailed);
  }

  public DayProgress withRendered(String period) {
    Set<String> r = new TreeSet<>(rendered);
    r.add(period);
    return new DayProgress(analyzed, r, emailed);
  }

  public DayProgress withEmailed(String period) {
    Set<String> e = new TreeSet<>(emailed);
    e.add(period);
    return new DayProgress(analyzed, rendered, e);
  }
}
