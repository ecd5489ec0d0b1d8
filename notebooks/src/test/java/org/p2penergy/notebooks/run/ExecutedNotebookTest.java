package org.p2penergy.notebooks.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExecutedNotebookTest {

  @TempDir Path dir;

  @Test
  void findsErrorsImagesAndTheSummaryOfTheLastCodeCell() throws Exception {
    Path file = dir.resolve("x.ipynb");
    Files.writeString(
        file,
        """
        {"cells": [
          {"cell_type": "markdown", "source": ["# x"]},
          {"cell_type": "code", "outputs": [
            {"output_type": "stream", "name": "stdout", "text": ["kwh: 1.500\\n"]},
            {"output_type": "display_data", "data": {"image/png": "iVBOR"}}]},
          {"cell_type": "code", "outputs": [
            {"output_type": "error", "ename": "EvalException", "evalue": "/ by zero"}]},
          {"cell_type": "code", "outputs": [
            {"output_type": "stream", "name": "stdout",
             "text": ["\\u001b[0mday: 2026-11-30\\n", "kwh.Raspberry Pi: 0.0239\\n"]}]}
        ], "nbformat": 4, "nbformat_minor": 5, "metadata": {}}
        """);
    ExecutedNotebook nb = ExecutedNotebook.read(file);
    assertThat(nb.errors()).containsExactly("EvalException: / by zero");
    assertThat(nb.images()).isEqualTo(1);
    assertThat(nb.text()).contains("kwh: 1.500").doesNotContain("\u001b");
    // Only the last code cell is the summary.
    assertThat(nb.summary()).containsOnlyKeys("day", "kwh.Raspberry Pi");
    assertThat(nb.number("kwh.Raspberry Pi")).isEqualTo(0.0239);
  }
}
