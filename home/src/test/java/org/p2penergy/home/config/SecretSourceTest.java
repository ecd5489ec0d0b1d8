package org.p2penergy.home.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretSourceTest {
  @Test
  void readsAnEnvironmentVariable() {
    assertThat(SecretSource.fromEnv("TOKEN").resolve(Map.of("TOKEN", "s3cret")))
        .isEqualTo("s3cret");
  }

  @Test
  void readsAFileWithoutItsTrailingNewline(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "s3cret\n");
    assertThat(SecretSource.fromFile(file).resolve(Map.of())).isEqualTo("s3cret");
  }

  @Test
  void aMissingVariableIsNamed() {
    assertThatThrownBy(() -> SecretSource.fromEnv("TOKEN").resolve(Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("environment variable TOKEN is not set");
  }

  @Test
  void anEmptyFileIsAnError(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "\n");
    assertThatThrownBy(() -> SecretSource.fromFile(file).resolve(Map.of()))
        .hasMessage("secret file " + file + " is empty");
  }

  @Test
  void printsWhereNotWhat(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "s3cret");
    SecretSource source = SecretSource.fromFile(file);
    source.resolve(Map.of());
    assertThat(source.toString()).isEqualTo("file:" + file).doesNotContain("s3cret");
  }
}
