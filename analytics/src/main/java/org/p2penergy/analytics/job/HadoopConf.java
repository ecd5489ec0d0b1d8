package org.p2penergy.analytics.job;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * The driver's file-system settings ({@code fs.*}: the s3a endpoint and keys among them) for code
 * that runs on the executors and opens files itself (summary.json, the side files). Travels in a
 * task's closure, which Spark never logs; {@link #toString()} names no value.
 */
final class HadoopConf implements Serializable {
  private final HashMap<String, String> entries = new HashMap<>();
  private transient Configuration conf;

  HadoopConf(Configuration driver) {
    for (Map.Entry<String, String> e : driver) {
      if (e.getKey().startsWith("fs.")) {
        entries.put(e.getKey(), e.getValue());
      }
    }
  }

  Configuration get() {
    if (conf == null) {
      Configuration c = new Configuration();
      entries.forEach(c::set);
      conf = c;
    }
    return conf;
  }

  @Override
  public String toString() {
    return "HadoopConf[" + entries.size() + " fs.* settings]";
  }
}
