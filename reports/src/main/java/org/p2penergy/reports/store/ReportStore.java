package org.p2penergy.reports.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.CommunityConfig;
import org.p2penergy.home.config.StorageSettings;
import org.p2penergy.reports.pdf.RenderedReport;
import org.p2penergy.reports.pdf.ReportPeriod;
import org.p2penergy.reports.pdf.ReportRenderer;

/**
 * Where a community's summaries are read and its PDFs go: the local data folder itself, or an
 * {@code s3://} store seen through a local working folder (the renderer and the nightly's state
 * always work on local files; the store is brought in before and the PDFs put back after).
 */
public interface ReportStore extends AutoCloseable {
  /** The local folder the renderer reads summaries from and writes PDFs to. */
  Path folder();

  /** What analyze is given as {@code --data}: the folder, or the store's URL. */
  String analyzeData();

  /**
   * Makes the local copies of {@code home}'s summaries of these days what the store holds now (a
   * day the store does not have is no longer there locally either).
   *
   * @throws org.p2penergy.reports.summary.SummaryUnavailableException when the store cannot be read
   */
  void fetch(String home, List<LocalDate> days);

  /**
   * Puts a rendered PDF beside its summary; returns where it is now, for the user.
   *
   * @throws org.p2penergy.reports.pdf.ReportException when the store does not take it
   */
  String publish(String home, Path pdf);

  @Override
  void close();

  /** A report rendered from the store's summaries, and where its PDF is now. */
  record Published(RenderedReport report, String location) {}

  /**
   * Fetches {@code home}'s summaries of the period, renders its PDF ({@code out}, or its place
   * beside the summary when null) and puts the PDF back in the store.
   *
   * @throws org.p2penergy.reports.summary.SummaryUnavailableException when a summary is missing or
   *     the store cannot be read
   * @throws org.p2penergy.reports.pdf.ReportException when it cannot be rendered or stored
   */
  default Published render(
      ReportRenderer renderer, String home, LocalDate date, ReportPeriod period, Path out) {
    fetch(home, period.dates(date));
    RenderedReport report = renderer.render(folder(), home, date, period, out);
    return new Published(report, publish(home, report.pdf()));
  }

  /**
   * The store of a community ({@code file}, as loaded): {@code data} when it is given and the
   * storage is local (or absent), else the storage's local folder; for an {@code s3://} storage,
   * the store with {@code data} as its working folder ({@code null}: a temporary one, removed on
   * close).
   *
   * @throws UserException for a missing folder or store key
   */
  static ReportStore open(
      Path data, CommunityConfig community, Path file, Map<String, String> env) {
    StorageSettings storage = community.storage().orElse(null);
    if (storage != null && storage.isS3()) {
      return S3Reports.open(storage, data, env);
    }
    Path folder = data;
    if (folder == null) {
      if (storage == null) {
        throw new UserException("missing --data DIR (or a storage: block in " + file + ")");
      }
      folder = storage.localPath();
    }
    if (!Files.isDirectory(folder)) {
      throw new UserException(folder + ": no such data folder");
    }
    return new FolderReports(folder);
  }

  /** True when the community's summaries live in an {@code s3://} store. */
  static boolean isRemote(CommunityConfig community) {
    return community.storage().map(StorageSettings::isS3).orElse(false);
  }
}
