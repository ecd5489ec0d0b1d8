package org.p2penergy.analytics.job;

import java.nio.file.Path;

/** The hand-made demo day as files, for tests outside this package. */
public final class DemoDayFiles {
  public static final String CONFIG = DemoDay.CONFIG;

  private DemoDayFiles() {}

  public static void write(Path dataDir) {
    ReadingsFiles.write(null, dataDir, DemoDay.readings());
  }
}
