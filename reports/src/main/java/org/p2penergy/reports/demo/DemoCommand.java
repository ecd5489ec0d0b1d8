package org.p2penergy.reports.demo;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.reports.mail.MailComposer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code p2penergy demo}: simulate → collect → analyze → report on the built-in demo home. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "The whole pipeline on the built-in demo home, on loopback only: starts the Particle cloud"
          + " simulator (fridge, microwave, Raspberry Pi) on a free port at high speed, runs"
          + " 'collect' against it, then 'analyze' and 'report' for the first complete local day,"
          + " and prints the PDF path and the headline figures.",
      "Everything goes into a new temporary folder (or --out DIR): p2penergy.yaml, data/."
    })
public final class DemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "write here instead of a new temporary folder (must be empty or new)")
  Path out;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "2",
      description = "simulated days, starting at a local midnight (default: ${DEFAULT-VALUE})")
  int days;

  @Option(
      names = "--speed",
      paramLabel = "N",
      defaultValue = "4000",
      description =
          "simulated seconds per real second (default: ${DEFAULT-VALUE}: two days in ~45 s)")
  double speed;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "the simulator's seed: same seed, same readings (default: ${DEFAULT-VALUE})")
  long seed;

  @Option(
      names = "--homes",
      paramLabel = "N",
      arity = "0..1",
      fallbackValue = "8",
      description =
          "a simulated community of N homes (default with no N: 8) on one product stream instead"
              + " of the demo home: collected, analysed in one job and compared; prints one"
              + " household's PDF with its 'How you compare' section")
  Integer homes;

  @Override
  public Integer call() throws Exception {
    if (days < 1 || days > 31) {
      throw new UserException("--days must be 1 to 31");
    }
    if (!(speed >= 1 && speed <= 100_000)) {
      throw new UserException("--speed must be 1 to 100000");
    }
    if (homes != null && (homes < 1 || homes > 200)) {
      throw new UserException("--homes must be 1 to 200");
    }
    Path folder = folder();
    Path launcher = ChildCommand.launcher(System.getenv("P2PENERGY_HOME"));
    PrintWriter w = spec.commandLine().getOut();
    DemoResult result =
        new DemoRun(
                new DemoSettings(folder, days, speed, seed, launcher, homes == null ? 0 : homes),
                Clock.systemUTC(),
                line -> {
                  w.println("demo: " + line);
                  w.flush();
                })
            .run();
    w.printf(Locale.ROOT, "demo: done in %d s%n%n", result.took().toSeconds());
    w.println("PDF:  " + result.pdf());
    w.println("Data: " + result.dataDir());
    w.println(MailComposer.subject(result.headline()));
    w.println();
    w.print(result.headline().table());
    result.headline().comparison().ifPresent(line -> w.println("\n" + line));
    w.flush();
    return 0;
  }

  private Path folder() throws IOException {
    if (out == null) {
      return Files.createTempDirectory("p2penergy-demo-");
    }
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) {
        throw new UserException(out + ": not a folder");
      }
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent()) {
          throw new UserException(out + ": not empty (the demo writes into a new or empty folder)");
        }
      }
    }
    return Files.createDirectories(out);
  }
}
