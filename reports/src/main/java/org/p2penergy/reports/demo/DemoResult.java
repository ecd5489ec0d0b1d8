package org.p2penergy.reports.demo;

import java.nio.file.Path;
import java.time.Duration;
import org.p2penergy.reports.pdf.Headline;

/** What the demo made: the report of the first complete day, its figures, the data folder. */
record DemoResult(Path pdf, Headline headline, Path dataDir, long eventsSent, Duration took) {}
