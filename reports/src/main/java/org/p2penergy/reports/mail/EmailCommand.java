package org.p2penergy.reports.mail;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.p2penergy.home.cli.DurationConverter;
import org.p2penergy.home.cli.UserException;
import org.p2penergy.home.config.ConfigLoader;
import org.p2penergy.home.config.HomeConfig;
import org.p2penergy.home.config.MailSettings;
import org.p2penergy.reports.pdf.Headline;
import org.p2penergy.reports.summary.SummaryUnavailableException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code p2penergy email}: sends a rendered report over SMTP with the home's mail settings. */
@Command(
    name = "email",
    mixinStandardHelpOptions = true,
    description = {
      "Send a rendered PDF report over SMTP, with the date and headline figures in the subject.",
      "SMTP settings come from the config's mail: block; the password only from the environment"
          + " variable or file it names. Temporary failures (server down, 4xx) are retried with"
          + " backoff."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:sent",
      "2:bad options or config",
      "3:not sent (the PDF is kept; the message says where)"
    })
public final class EmailCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--config",
      required = true,
      paramLabel = "FILE",
      description = "home config (p2penergy.yaml) with a mail: block")
  Path config;

  @Option(
      names = "--report",
      required = true,
      paramLabel = "FILE",
      description = "the PDF to send (figures come from the summary.json beside it)")
  Path report;

  @Option(
      names = "--to",
      paramLabel = "ADDR",
      arity = "1..*",
      description = "recipients (default: mail.to from the config)")
  List<String> to;

  @Option(
      names = "--attempts",
      paramLabel = "N",
      defaultValue = "4",
      description = "tries in all on temporary failures (default: ${DEFAULT-VALUE})")
  int attempts;

  @Option(
      names = "--retry-delay",
      paramLabel = "DURATION",
      defaultValue = "20s",
      converter = DurationConverter.class,
      description = "wait before the second try, tripled after each (default: ${DEFAULT-VALUE})")
  Duration retryDelay;

  @Override
  public Integer call() {
    HomeConfig home = ConfigLoader.load(config);
    MailSettings mail =
        home.mail()
            .orElseThrow(
                () -> new UserException(config + ": no mail: block, nothing to send with"));
    if (!Files.isRegularFile(report)) {
      throw new UserException(report + ": no such report file");
    }
    if (attempts < 1) {
      throw new UserException("--attempts must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    Headline figures;
    try {
      figures =
          SummaryHeadline.forReport(report)
              .orElseThrow(
                  () ->
                      new UserException(
                          report
                              + ": no summary.json beside it (expected a report in"
                              + " DATA/reports/HOME/YYYY-MM-DD/)"));
    } catch (SummaryUnavailableException e) {
      throw new UserException(e.getMessage());
    }
    OutgoingMail message =
        MailComposer.compose(home.home().name(), figures, report, to == null ? mail.to() : to);
    try {
      SmtpMailer.standard(
              mail,
              new RetryPolicy(attempts, retryDelay, 3),
              Clock.systemUTC(),
              line -> {
                out.println("email: " + line);
                out.flush();
              })
          .send(message);
    } catch (MailDeliveryException e) {
      throw new UserException(e.getMessage(), MailDeliveryException.EXIT_CODE);
    }
    return 0;
  }
}
