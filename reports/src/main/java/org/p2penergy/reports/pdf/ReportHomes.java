package org.p2penergy.reports.pdf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.Home;
import org.p2penergy.home.layout.DataLayout;

/** Which home a command means when it is not told: the only one with reports in DATA. */
final class ReportHomes {
  private ReportHomes() {}

  /** The only home with reports, or the default home when there is none yet. */
  static String only(Path data) {
    Path reports = data.resolve(DataLayout.REPORTS);
    List<String> homes;
    if (!Files.isDirectory(reports)) {
      return Home.DEFAULT_ID; // nothing analysed yet: the default home's summary is missing
    }
    try (Stream<Path> entries = Files.list(reports)) {
      homes =
          entries
              .filter(Files::isDirectory)
              .map(p -> p.getFileName().toString())
              .filter(Home::isValidId)
              .filter(name -> !name.matches("\\d{4}-\\d{2}-\\d{2}")) // the older reports/D/
              .sorted()
              .toList();
    } catch (IOException e) {
      throw new UserException(reports + ": no reports folder (run analyze first)");
    }
    if (homes.size() == 1) {
      return homes.get(0);
    }
    if (homes.isEmpty()) {
      return Home.DEFAULT_ID;
    }
    throw new UserException(
        reports + " holds several homes (" + String.join(", ", homes) + "): give --home");
  }
}
