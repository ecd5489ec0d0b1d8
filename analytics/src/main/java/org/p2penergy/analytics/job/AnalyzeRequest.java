package org.p2penergy.analytics.job;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.p2penergy.analytics.energy.IntegrationRule;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.config.PeerSettings;

/**
 * One run of the job: local days [from, to] of every home in {@code homes} (each in its own zone),
 * data under {@code dataDir} (a local path or any Hadoop URI, s3a:// included). A community of one
 * is a single home; {@code comparison} is empty then (nothing to compare with).
 */
public record AnalyzeRequest(
    String dataDir,
    List<HomeInput> homes,
    Optional<Comparison> comparison,
    LocalDate from,
    LocalDate to,
    IntegrationRule rule,
    double standbyPercentile) {

  /**
   * A home of the run: its config, the config's text (executors parse it, the records are not
   * serializable), and whether its readings may also be in the older {@code readings/date=D/}.
   */
  public record HomeInput(HomeConfig config, String yaml, boolean legacyLayout) {
    public String id() {
      return config.home().id();
    }
  }

  /** A community's comparison: its name (shown in the reports) and its k-anonymity rules. */
  public record Comparison(String community, PeerSettings peers) {}

  public AnalyzeRequest {
    homes = List.copyOf(homes);
  }

  /** One home on its own (a community of one): the older layout is read too. */
  public static AnalyzeRequest ofHome(
      String dataDir,
      HomeConfig config,
      String yaml,
      LocalDate from,
      LocalDate to,
      IntegrationRule rule,
      double standbyPercentile) {
    return new AnalyzeRequest(
        dataDir,
        List.of(new HomeInput(config, yaml, true)),
        Optional.empty(),
        from,
        to,
        rule,
        standbyPercentile);
  }
}
