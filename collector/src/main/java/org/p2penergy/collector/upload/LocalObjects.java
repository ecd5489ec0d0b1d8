package org.p2penergy.collector.upload;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.p2penergy.home.layout.DataLayout;

/**
 * Every local file that belongs in the store, by object key: each home's readings Parquet files and
 * side files ({@code quarantine/}, {@code outages/}, {@code upload-outages/}), and, for a home that
 * ran before homes had ids, the older single-home layout ({@code readings/date=D/}, {@code
 * quarantine/D.jsonl}, {@code outages/D.jsonl}) under that home's keys. Where an older side file
 * and a current one have the same day (the day of the upgrade), the object is the two one after the
 * other. Nothing is read here but directory listings.
 */
public final class LocalObjects {
  /** One object to be: its key and the local files, in order, relative to the data directory. */
  public record LocalObject(String key, List<String> files) {
    public LocalObject {
      files = List.copyOf(files);
    }
  }

  private static final Pattern DATE_DIR = Pattern.compile("date=\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DAY_FILE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}\\.jsonl");

  private final Path data;
  private final List<String> homes;
  private final String legacyHome;

  /**
   * @param homes the homes whose files go to the store
   * @param legacyHome the home the older single-home layout belongs to, or null (a community
   *     collector has none)
   */
  public LocalObjects(Path data, List<String> homes, String legacyHome) {
    this.data = data;
    this.homes = List.copyOf(homes);
    this.legacyHome = legacyHome;
  }

  public Path dataDir() {
    return data;
  }

  /** Keys in a stable order (by key). */
  public List<LocalObject> list() throws IOException {
    Map<String, List<String>> byKey = new TreeMap<>();
    if (legacyHome != null) {
      DataLayout home = DataLayout.of(legacyHome);
      for (String dateDir : dirs(DataLayout.READINGS, DATE_DIR)) {
        String from = DataLayout.READINGS + "/" + dateDir;
        for (String name : files(from, "part-", ".parquet")) {
          byKey.put(home.readings() + "/" + dateDir + "/" + name, list(from + "/" + name));
        }
      }
      sideFiles(byKey, DataLayout.legacyQuarantine(), home.quarantine());
      sideFiles(byKey, DataLayout.legacyOutages(), home.outages());
    }
    for (String id : homes) {
      DataLayout home = DataLayout.of(id);
      for (String dateDir : dirs(home.readings(), DATE_DIR)) {
        String dir = home.readings() + "/" + dateDir;
        for (String name : files(dir, "part-", ".parquet")) {
          // A name clash with an older-layout file is not possible (names carry time and a random
          // part); should one happen, the file of the current layout is the one sent.
          byKey.put(dir + "/" + name, list(dir + "/" + name));
        }
      }
      sideFiles(byKey, home.quarantine(), home.quarantine());
      sideFiles(byKey, home.outages(), home.outages());
      sideFiles(byKey, home.uploadOutages(), home.uploadOutages());
    }
    List<LocalObject> out = new ArrayList<>();
    byKey.forEach((key, files) -> out.add(new LocalObject(key, files)));
    return out;
  }

  /** {@code from/D.jsonl} become {@code to/D.jsonl}, after what is already there for that key. */
  private void sideFiles(Map<String, List<String>> byKey, String from, String to)
      throws IOException {
    for (String name : files(from, "", ".jsonl")) {
      if (DAY_FILE.matcher(name).matches()) {
        byKey.computeIfAbsent(to + "/" + name, k -> new ArrayList<>()).add(from + "/" + name);
      }
    }
  }

  private static List<String> list(String file) {
    List<String> l = new ArrayList<>();
    l.add(file);
    return l;
  }

  private List<String> dirs(String relative, Pattern name) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path p : entries(relative)) {
      String n = p.getFileName().toString();
      if (name.matcher(n).matches() && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
        out.add(n);
      }
    }
    return out;
  }

  /** Regular files (not links, not hidden temp files) named {@code prefix*suffix}. */
  private List<String> files(String relative, String prefix, String suffix) throws IOException {
    List<String> out = new ArrayList<>();
    for (Path p : entries(relative)) {
      String n = p.getFileName().toString();
      if (n.startsWith(prefix)
          && n.endsWith(suffix)
          && !n.startsWith(".")
          && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
        out.add(n);
      }
    }
    return out;
  }

  private List<Path> entries(String relative) throws IOException {
    Path dir = data.resolve(relative);
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      return out;
    }
    try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
      s.forEach(out::add);
    } catch (NoSuchFileException e) {
      // removed while listing
    }
    out.sort(null);
    return out;
  }
}
