package org.p2penergy.notebooks.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.config.FlatTariff;
import org.p2penergy.home.config.Home;
import org.p2penergy.home.config.TariffWindow;
import org.p2penergy.home.config.TimeOfUseTariff;
import org.p2penergy.home.layout.DataLayout;
import org.p2penergy.notebooks.demo.DayPlan;
import org.p2penergy.notebooks.demo.DemoData;
import org.p2penergy.notebooks.demo.DemoHome;
import org.p2penergy.notebooks.demo.DemoManifest;
import org.p2penergy.notebooks.demo.Episode;

/**
 * Executes every notebook headless with Jupyter's nbconvert and the Java kernel, on freshly
 * generated demo data, and checks what each shows against the figures planted in that data. Needs
 * Debian's jupyter-nbconvert (CI installs it): without it this test fails, it does not skip.
 */
class NotebooksIT {

  @TempDir static Path work;

  static DemoManifest demo;
  static NotebookExecutor executor;
  static PlanEnergy plan;
  static boolean analyticsRan;

  static final FlatTariff FLAT = new FlatTariff(0.15);
  static final TimeOfUseTariff TIME_OF_USE =
      new TimeOfUseTariff(
          0.12,
          List.of(
              new TariffWindow(
                  EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                  LocalTime.of(16, 0),
                  LocalTime.of(21, 0),
                  0.32)));

  @BeforeAll
  static void generateDataAndInstallKernel() throws Exception {
    Jupyter jupyter = Jupyter.find(); // fails with what to install when Jupyter is missing
    Path data = work.resolve("data");
    demo = DemoData.generate(data, DemoData.DEFAULT_FIRST, DemoData.DEFAULT_DAYS);
    analyticsRan = analyze(data, demo.last());
    plan = new PlanEnergy(demo);
    KernelSpec kernel =
        KernelSpec.install(
            Path.of("target/kernel/rapaio-jupyter-kernel.jar"), work.resolve("jupyter"));
    executor = RunAll.executor(jupyter, kernel, data);
  }

  static ExecutedNotebook run(String name) throws Exception {
    NotebookExecutor.Result r = executor.execute(Path.of(name), work.resolve("executed"));
    assertThat(r.ok())
        .as("%s failed (nbconvert exit %d):%n%s", name, r.exitCode(), r.logTail())
        .isTrue();
    ExecutedNotebook nb = ExecutedNotebook.read(r.executed());
    assertThat(nb.errors()).as("error outputs in %s", name).isEmpty();
    assertThat(nb.images()).as("figures in %s", name).isPositive();
    assertThat(nb.text()).as("printed numbers in %s", name).containsPattern("\\d+\\.\\d{3}");
    return nb;
  }

  @Test
  void exploreADayShowsEachApplianceKwhOfTheLastDay() throws Exception {
    ExecutedNotebook nb = run("explore-a-day.ipynb");
    DayPlan last = demo.day(demo.last());
    assertThat(nb.summary()).containsEntry("day", demo.last().toString());
    double total = 0;
    for (String[] appliance :
        List.of(
            new String[] {"Fridge", DemoHome.FRIDGE},
            new String[] {"Microwave", DemoHome.MICROWAVE},
            new String[] {"Raspberry Pi", DemoHome.PI})) {
      double expected = plan.kwhAndCost(appliance[1], last, FLAT)[0];
      total += expected;
      assertThat(nb.number("kwh." + appliance[0]))
          .as(appliance[0])
          .isCloseTo(expected, within(0.03 * expected + 0.003));
    }
    assertThat(nb.number("kwh.total")).isCloseTo(total, withinPercentage(3));
    assertThat(nb.number("cost.total")).isCloseTo(total * 0.15, withinPercentage(3));
  }

  @Test
  void fridgeCyclesFindsEveryCompressorRunSurgeAndDoorOpening() throws Exception {
    ExecutedNotebook nb = run("fridge-cycles.ipynb");
    DayPlan last = demo.day(demo.last());
    int runs = last.compressorRuns().size();
    assertThat((int) nb.number("cycles")).isEqualTo(runs);
    assertThat((int) nb.number("surges")).isEqualTo(runs);
    // A door opened while the compressor runs is hidden under its 160 W.
    long clear =
        last.doorOpenings().stream()
            .filter(d -> last.compressorRuns().stream().noneMatch(r -> overlap(r, d)))
            .count();
    assertThat((int) nb.number("door_openings")).isBetween((int) clear, last.doorOpenings().size());
    double runSeconds = last.compressorRuns().stream().mapToLong(Episode::seconds).sum();
    assertThat(nb.number("duty_cycle")).isCloseTo(runSeconds / 86_400, within(0.005));
    // With the analytics job built, its states output; otherwise Spark on the readings. Either
    // way the state seconds agree with the notebook's own (DuckDB) totals.
    assertThat(nb.summary())
        .containsEntry("states_compared_with", analyticsRan ? "analytics" : "readings");
    assertThat(nb.number("states_max_difference_s")).isLessThan(1.0);
  }

  /**
   * Runs the analytics job ({@code analyze}) on the last day in a child JVM on this test's class
   * path (analytics, collector and Spark). Returns whether it wrote analytics/states: not yet when
   * the analytics module still holds its placeholder command.
   */
  static boolean analyze(Path data, LocalDate day) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = work.resolve("analyze.log");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                "org.p2penergy.analytics.cli.AnalyticsMain",
                "analyze",
                "--data",
                data.toString(),
                "--config",
                Path.of("../deploy/p2penergy.example.yaml").toAbsolutePath().normalize().toString(),
                "--date",
                day.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("analyze did not finish in 5 minutes; see " + log);
    }
    boolean states =
        Files.isDirectory(data.resolve(DataLayout.of(Home.DEFAULT_ID).table("states", day)));
    System.out.printf(
        "analyze exited %d, analytics/states %s%n", p.exitValue(), states ? "written" : "absent");
    return p.exitValue() == 0 && states;
  }

  @Test
  void tariffWhatIfPricesTheMonthBothWays() throws Exception {
    ExecutedNotebook nb = run("tariff-what-if.ipynb");
    double kwh = 0;
    double timeOfUse = 0;
    double microwavePeak = 0;
    for (DayPlan day : demo.days()) {
      for (String device : List.of(DemoHome.FRIDGE, DemoHome.MICROWAVE, DemoHome.PI)) {
        double[] e = plan.kwhAndCost(device, day, TIME_OF_USE);
        kwh += e[0];
        timeOfUse += e[1];
      }
      for (Episode s : day.sessions()) {
        microwavePeak += peakSeconds(s) * s.watts() / 3.6e6;
      }
    }
    assertThat(nb.summary()).containsEntry("month", "2026-11").containsEntry("days", "30");
    assertThat(nb.number("kwh.total")).isCloseTo(kwh, withinPercentage(3));
    assertThat(nb.number("cost.flat")).isCloseTo(kwh * 0.15, withinPercentage(3));
    assertThat(nb.number("cost.time_of_use")).isCloseTo(timeOfUse, withinPercentage(3));
    assertThat(nb.number("microwave.peak_kwh")).isCloseTo(microwavePeak, withinPercentage(3));
    assertThat(nb.number("microwave.saving"))
        .isCloseTo(microwavePeak * (0.32 - 0.12), withinPercentage(3));
  }

  @Test
  void dataQualityReportsEveryPlantedFault() throws Exception {
    ExecutedNotebook nb = run("data-quality.ipynb");
    int outages = demo.faults().outages().size();
    int offline = demo.faults().offline().size();
    assertThat(outages).isEqualTo(3);
    assertThat((long) nb.number("duplicates")).isEqualTo(demo.duplicates()).isPositive();
    assertThat((int) nb.number("outages")).isEqualTo(outages);
    assertThat((int) nb.number("quarantined")).isEqualTo(demo.faults().quarantine().size());
    assertThat((int) nb.number("unreadable_files")).isZero();
    assertThat((int) nb.number("gaps.Fridge")).isEqualTo(outages);
    assertThat((int) nb.number("gaps.Microwave")).isEqualTo(outages + offline);
    assertThat((int) nb.number("gaps_unexplained")).isEqualTo(offline);
    // The worst day lost the longest outage, 40 minutes of 24 hours.
    assertThat(nb.number("coverage.min")).isCloseTo(1 - 40.0 / 1440, within(0.001));
    try (var folders =
        Files.list(work.resolve("data").resolve(DataLayout.of(Home.DEFAULT_ID).readings()))) {
      assertThat(folders.count()).as("UTC date folders").isEqualTo(31);
    }
  }

  private static boolean overlap(Episode a, Episode b) {
    return a.start().isBefore(b.end()) && b.start().isBefore(a.end());
  }

  /** Seconds of a microwave session inside the weekday 16:00-21:00 window. */
  private static long peakSeconds(Episode s) {
    long seconds = 0;
    for (var t = s.start(); t.isBefore(s.end()); t = t.plusSeconds(1)) {
      if (TIME_OF_USE.rateAt(java.time.LocalDateTime.ofInstant(t, DemoHome.ZONE)) > 0.12) {
        seconds++;
      }
    }
    return seconds;
  }
}
