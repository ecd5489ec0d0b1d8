package org.p2penergy.reports.store;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/** A community whose storage is a local folder: everything is already where it belongs. */
record FolderReports(Path folder) implements ReportStore {
  @Override
  public String analyzeData() {
    return folder.toString();
  }

  @Override
  public void fetch(String home, List<LocalDate> days) {}

  @Override
  public String publish(String home, Path pdf) {
    return pdf.toString();
  }

  @Override
  public void close() {}
}
