package org.p2penergy.analytics.job;

import java.time.LocalDate;
import org.p2penergy.analytics.energy.IntegrationRule;
import org.p2penergy.home.config.HomeConfig;

/**
 * One run of the job: local days [from, to] of the home in {@code config} (whose text is {@code
 * configYaml}), data under {@code dataDir} (any Hadoop URI or a local path).
 */
public record AnalyzeRequest(
    String dataDir,
    HomeConfig config,
    String configYaml,
    LocalDate from,
    LocalDate to,
    IntegrationRule rule,
    double standbyPercentile) {}
