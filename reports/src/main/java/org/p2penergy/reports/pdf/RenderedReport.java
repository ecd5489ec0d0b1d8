package org.p2penergy.reports.pdf;

import java.nio.file.Path;

/** A rendered PDF and the figures for an email's subject and body. */
public record RenderedReport(Path pdf, Headline headline) {}
