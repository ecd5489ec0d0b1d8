package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The systemd unit in deploy/ says what the README promises. */
class CollectorServiceUnitTest {
  private static final Path UNIT = Path.of("..", "deploy", "p2penergy-collector.service");
  private static final Map<String, List<String>> keys = new HashMap<>();

  @BeforeAll
  static void parse() throws Exception {
    String section = "";
    for (String raw : Files.readAllLines(UNIT)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        section = line.substring(1, line.indexOf(']'));
        continue;
      }
      int eq = line.indexOf('=');
      keys.computeIfAbsent(section + "." + line.substring(0, eq), k -> new ArrayList<>())
          .add(line.substring(eq + 1));
    }
  }

  private static String one(String key) {
    assertThat(keys.get(key)).as(key).isNotNull().hasSize(1);
    return keys.get(key).get(0);
  }

  @Test
  void restartsOnFailureButNeverAfterARefusedToken() {
    assertThat(one("Service.Restart")).isEqualTo("on-failure");
    assertThat(one("Service.RestartPreventExitStatus").split("\\s+"))
        .contains(String.valueOf(Collector.AUTH_FAILED));
  }

  @Test
  void runsAsItsOwnUserWithTheTokenAsACredential() {
    assertThat(one("Service.DynamicUser")).isEqualTo("yes");
    assertThat(keys).doesNotContainKey("Service.User");
    assertThat(one("Service.LoadCredential")).startsWith("particle-token:");
    assertThat(one("Service.ExecStart"))
        .contains(" collect ")
        .contains("--token-file %d/particle-token")
        .contains("--data /var/lib/p2penergy");
    assertThat(one("Service.StateDirectory")).isEqualTo("p2penergy");
    // The token never sits in the unit itself.
    assertThat(String.join("\n", keys.toString())).doesNotContainIgnoringCase("access_token=");
  }

  @Test
  void jvmSizedForAPiZero() {
    assertThat(keys.get("Service.Environment"))
        .anySatisfy(e -> assertThat(e).contains("-Xmx32m").contains("-XX:+UseSerialGC"));
  }

  @Test
  void sigtermIsTheStopAndHasTimeToRoll() {
    assertThat(one("Service.KillSignal")).isEqualTo("SIGTERM");
    assertThat(Integer.parseInt(one("Service.TimeoutStopSec")))
        .isGreaterThan((int) (CollectCommand.SHUTDOWN_GRACE_MS / 1000));
  }
}
