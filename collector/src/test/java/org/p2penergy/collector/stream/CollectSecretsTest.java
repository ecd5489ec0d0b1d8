package org.p2penergy.collector.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2penergy.home.cli.CommandRun;

/**
 * A secret handed to {@code collect} in the wrong place (pasted into a URL, a token with a line
 * break) is refused in one line, exit 2, naming where it came from and never showing it.
 */
class CollectSecretsTest {
  static final String SECRET = "LEAKME";
  static final String BAD_URL = "ht!tp://bad url?access_token=" + SECRET;
  static final String TOKEN_URL =
      "https://api.particle.io/v1/devices/events?access_token=" + SECRET;
  static final String USER_URL = "https://me:" + SECRET + "@api.particle.io/v1/devices/events";
  @TempDir Path dir;

  static CommandRun.Result collect(Map<String, String> env, String... args) {
    CollectCommand command = new CollectCommand();
    command.environment = env;
    return CommandRun.run(command, args);
  }

  static void assertRefusedInOneLine(CommandRun.Result r, String secret) {
    assertThat(r.code()).as(r.all()).isEqualTo(2);
    assertThat(r.all()).doesNotContain(secret).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
  }

  @Nested
  class StreamUrl {
    @Test
    void theMalformedUrlOfTheIssueIsNamedAndNeverEchoed() {
      // The exact command: no --data either, but the URL is what is named first.
      CommandRun.Result r = collect(Map.of(), "--stream", BAD_URL);
      assertRefusedInOneLine(r, SECRET);
      assertThat(r.err()).startsWith("collect: --stream: ").contains("is not a URL");
    }

    @Test
    void aWellFormedUrlWithATokenOrUserInfoIsRefusedToo() {
      for (String url : new String[] {TOKEN_URL, USER_URL}) {
        CommandRun.Result r = collect(Map.of(), "--data", dir.toString(), "--stream", url);
        assertRefusedInOneLine(r, SECRET);
        assertThat(r.err()).startsWith("collect: --stream: ").contains("carries a token");
      }
    }

    @Test
    void theSameUrlsInTheConfigNameTheKeyNotTheOption() throws Exception {
      for (String url : new String[] {BAD_URL, TOKEN_URL, USER_URL}) {
        Path config =
            Files.writeString(
                dir.resolve("p2penergy.yaml"), "particle:\n  stream_url: \"" + url + "\"\n");
        CommandRun.Result r =
            collect(Map.of(), "--data", dir.resolve("d").toString(), "--config", config.toString());
        assertRefusedInOneLine(r, SECRET);
        assertThat(r.err()).contains("particle.stream_url").doesNotContain("--stream");
      }
    }
  }

  @Nested
  class TokenWithALineBreak {
    static final String TOKEN = "abc123\nSECRETTAIL";

    @Test
    void fromTheEnvironment() {
      Path data = dir.resolve("data");
      CommandRun.Result r =
          collect(
              Map.of("PARTICLE_ACCESS_TOKEN", TOKEN),
              "--data",
              data.toString(),
              "--stream",
              "http://127.0.0.1:9/v1/devices/events");
      assertRefusedInOneLine(r, "SECRETTAIL");
      assertThat(r.all()).doesNotContain("abc123");
      assertThat(r.err())
          .isEqualTo(
              "collect: environment variable PARTICLE_ACCESS_TOKEN holds a line break or another"
                  + " control character; a secret is one line\n");
      assertThat(data).as("refused before anything is written").doesNotExist();
    }

    @Test
    void fromATokenFileOrTheConfigsTokenEnv() throws Exception {
      Path file = Files.writeString(dir.resolve("token"), TOKEN + "\n");
      CommandRun.Result fromFile =
          collect(
              Map.of(),
              "--data",
              dir.resolve("d1").toString(),
              "--stream",
              "http://127.0.0.1:9/v1/devices/events",
              "--token-file",
              file.toString());
      assertRefusedInOneLine(fromFile, "SECRETTAIL");
      assertThat(fromFile.all()).doesNotContain("abc123");
      assertThat(fromFile.err()).contains("secret file " + file).contains("line break");

      Path config =
          Files.writeString(
              dir.resolve("p2penergy.yaml"),
              "particle:\n  token_env: MY_TOKEN\n  stream_url: http://127.0.0.1:9/v1/devices/events\n");
      CommandRun.Result fromConfig =
          collect(
              Map.of("MY_TOKEN", "x\ty" + TOKEN),
              "--data",
              dir.resolve("d2").toString(),
              "--config",
              config.toString());
      assertRefusedInOneLine(fromConfig, "SECRETTAIL");
      assertThat(fromConfig.err()).contains("environment variable MY_TOKEN");
    }
  }
}
