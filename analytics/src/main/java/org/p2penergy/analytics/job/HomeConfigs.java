package org.p2penergy.analytics.job;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;

/**
 * Every home's config as it travels to the executors: the YAML texts (small, and the records are
 * not serializable), parsed once per executor JVM on first use.
 */
final class HomeConfigs implements Serializable {
  // Parsed configs, per executor JVM, keyed by the text itself (a re-run with an edited file gets
  // a new entry).
  private static final Map<String, HomeConfig> PARSED = new ConcurrentHashMap<>();

  private final HashMap<String, String> yamlByHome;

  HomeConfigs(Map<String, String> yamlByHome) {
    this.yamlByHome = new HashMap<>(yamlByHome);
  }

  HomeConfig of(String home) {
    String yaml = yamlByHome.get(home);
    if (yaml == null) {
      throw new IllegalArgumentException("no config for home " + home);
    }
    return PARSED.computeIfAbsent(yaml, ConfigLoader::parse);
  }

  java.util.Set<String> homes() {
    return yamlByHome.keySet();
  }
}
