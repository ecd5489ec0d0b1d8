package org.p2penergy.analytics.job;

import java.io.Serializable;
import org.p2penergy.analytics.energy.IntegrationRule;

/**
 * How the job integrates and what it calls standby. {@code configYaml} is the home config's text:
 * executors parse it themselves (the config records are not serializable, and the text is small).
 */
public record JobOptions(String configYaml, IntegrationRule rule, double standbyPercentile)
    implements Serializable {
  public static final double DEFAULT_STANDBY_PERCENTILE = 10;
}
