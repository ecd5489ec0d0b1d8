package org.p2penergy.notebooks.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JupyterTest {

  @TempDir Path dir;

  Path script(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  @Test
  void takesTheFirstJupyterWhoseNbconvertRuns() throws Exception {
    // A pyenv-like shim without nbconvert, then a working one.
    Path broken = script("broken", "echo 'No module named nbconvert' >&2; exit 1");
    Path working = script("working", "[ \"$1 $2\" = 'nbconvert --version' ] && echo 6.5.3");
    Jupyter found = Jupyter.find(List.of(dir.resolve("missing"), broken, working));
    assertThat(found.executable()).isEqualTo(working);
    assertThat(found.nbconvertVersion()).isEqualTo("6.5.3");
  }

  @Test
  void saysWhatToInstallWhenNoneWorks() throws Exception {
    Path broken = script("broken", "exit 1");
    assertThatThrownBy(() -> Jupyter.find(List.of(broken)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Jupyter with nbconvert is not installed")
        .hasMessageContaining(
            "apt-get install jupyter-notebook jupyter-nbconvert python3-ipykernel");
  }
}
