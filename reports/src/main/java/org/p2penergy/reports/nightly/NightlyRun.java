package org.p2penergy.reports.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.reports.mail.MailComposer;
import org.p2penergy.reports.mail.MailDeliveryException;
import org.p2penergy.reports.mail.Mailer;
import org.p2penergy.reports.pdf.Headline;
import org.p2penergy.reports.pdf.ReportPeriod;
import org.p2penergy.reports.pdf.ReportRenderer;

/**
 * Works through the given days: analyze every day not yet analyzed (one job for each run of
 * consecutive days, so Spark starts once), then per day and report period render the PDF and email
 * it. The state is saved after every step, so a crash or a failure loses nothing and the next run
 * picks up exactly what is missing; nothing done is done twice.
 */
public final class NightlyRun {
  private final Path dataDir;
  private final HomeConfig home;
  private final Analyzer analyzer;
  private final Reporter reporter;
  private final Optional<Mailer> mailer;
  private final NightlyStateStore store;
  private final Consumer<String> progress;

  private NightlyState state;
  private final List<String> problems = new ArrayList<>();
  private int exitCode = NightlyOutcome.OK;
  private boolean mailBroken;

  public NightlyRun(
      Path dataDir,
      HomeConfig home,
      Analyzer analyzer,
      Reporter reporter,
      Optional<Mailer> mailer,
      NightlyStateStore store,
      Consumer<String> progress) {
    this.dataDir = dataDir;
    this.home = home;
    this.analyzer = analyzer;
    this.reporter = reporter;
    this.mailer = mailer;
    this.store = store;
    this.progress = progress;
  }

  public NightlyOutcome run(List<LocalDate> days) {
    state = store.load();
    if (days.isEmpty()) {
      progress.accept("nothing to do: every complete day is done");
      return new NightlyOutcome(NightlyOutcome.OK, 0, List.of());
    }
    progress.accept(
        days.size()
            + (days.size() == 1 ? " day" : " days")
            + " to do: "
            + ChildProcessAnalyzer.range(days.get(0), days.get(days.size() - 1)));
    if (home.mail().isEmpty()) {
      progress.accept("no mail: block in the config: reports are rendered, not emailed");
    } else if (mailer.isEmpty()) {
      progress.accept("email held (--no-email): reports are emailed by a later run");
    }
    List<LocalDate> analyzed = analyzeAll(days);
    int finished = 0;
    for (LocalDate day : analyzed) {
      if (reportAndMail(day)) {
        state = state.finished(day);
        store.save(state);
        finished++;
      }
    }
    progress.accept(
        "finished "
            + finished
            + " of "
            + days.size()
            + (days.size() == 1 ? " day" : " days")
            + (problems.isEmpty() ? "" : "; " + problems.size() + " problem(s), retried next run"));
    return new NightlyOutcome(exitCode, finished, problems);
  }

  /** Analyzes the days that need it; returns the days that are analyzed, in order. */
  private List<LocalDate> analyzeAll(List<LocalDate> days) {
    List<LocalDate> ready = new ArrayList<>();
    int i = 0;
    while (i < days.size()) {
      LocalDate day = days.get(i);
      if (state.progress(day).analyzed()) {
        ready.add(day);
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < days.size()
          && days.get(j + 1).equals(days.get(j).plusDays(1))
          && !state.progress(days.get(j + 1)).analyzed()) {
        j++;
      }
      LocalDate from = day;
      LocalDate to = days.get(j);
      progress.accept("analyze " + ChildProcessAnalyzer.range(from, to));
      try {
        analyzer.analyze(from, to);
      } catch (RuntimeException e) {
        fail(NightlyOutcome.ANALYZE_FAILED, e.getMessage());
        return ready; // later days need this one's history: they wait for the next run
      }
      for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
        state = state.with(d, state.progress(d).withAnalyzed());
        ready.add(d);
      }
      store.save(state);
      i = j + 1;
    }
    return ready;
  }

  /** Renders and emails what the day still owes; true when nothing is left. */
  private boolean reportAndMail(LocalDate day) {
    boolean complete = true;
    for (ReportPeriod period : NightlyPlan.periods(day, home.reports())) {
      DayProgress p = state.progress(day);
      Path pdf = ReportRenderer.defaultOut(dataDir, home.home().id(), day, period);
      boolean needsMail = home.mail().isPresent() && !p.emailed().contains(period.id());
      if (p.rendered().contains(period.id()) && Files.exists(pdf) && !needsMail) {
        continue;
      }
      Headline figures;
      try {
        // Rendered again when only the email is missing: the figures come with the rendering.
        figures = reporter.render(day, period, pdf);
      } catch (RuntimeException e) {
        fail(NightlyOutcome.REPORT_FAILED, day + " " + period.id() + " report: " + e.getMessage());
        complete = false;
        continue;
      }
      state = state.with(day, p.withRendered(period.id()));
      store.save(state);
      progress.accept(
          day + " " + period.id() + " report: " + pdf + " (" + MailComposer.subject(figures) + ")");
      if (!needsMail) {
        continue;
      }
      if (mailer.isEmpty() || mailBroken) {
        complete = false;
        continue;
      }
      try {
        mailer
            .get()
            .send(
                MailComposer.compose(
                    home.home().name(), figures, pdf, home.mail().orElseThrow().to()));
      } catch (MailDeliveryException e) {
        fail(NightlyOutcome.EMAIL_FAILED, e.getMessage());
        mailBroken = true; // one failed delivery is enough waiting for this run
        complete = false;
        continue;
      }
      state = state.with(day, state.progress(day).withEmailed(period.id()));
      store.save(state);
      progress.accept(day + " " + period.id() + " report emailed");
    }
    return complete;
  }

  private void fail(int code, String message) {
    problems.add(message);
    progress.accept("FAILED: " + message);
    exitCode = Math.max(exitCode, code);
  }
}
