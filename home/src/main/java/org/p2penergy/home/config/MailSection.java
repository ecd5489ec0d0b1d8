package org.p2penergy.home.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The {@code mail:} block; the password is only ever named, never given. */
final class MailSection {
  // local@domain: no spaces, one @, a domain of letters, digits, dots and dashes. Stricter checks
  // are the mail server's; this one catches "not an address" before a night's work is done.
  private static final Pattern ADDRESS =
      Pattern.compile("[^\\s@<>(),;:\"\\[\\]]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?");

  private MailSection() {}

  static boolean isAddress(String text) {
    return ADDRESS.matcher(text).matches() && !text.contains("..");
  }

  static MailSettings parse(ConfigNode node) {
    node.rejectUnknownKeys(
        Set.of(
            "host",
            "port",
            "starttls",
            "smtps",
            "username",
            "password",
            "password_env",
            "password_file",
            "from",
            "to"));
    if (node.has("password")) {
      throw node.error(
          "password",
          "the password itself must not be in the file; use password_env or password_file");
    }
    boolean starttls = node.bool("starttls", false);
    boolean smtps = node.bool("smtps", false);
    if (starttls && smtps) {
      throw node.error("smtps", "give only one of starttls or smtps");
    }
    MailSettings.Security security =
        smtps
            ? MailSettings.Security.SMTPS
            : starttls ? MailSettings.Security.STARTTLS : MailSettings.Security.NONE;
    int defaultPort =
        switch (security) {
          case SMTPS -> 465;
          case STARTTLS -> 587;
          case NONE -> 25;
        };
    Optional<String> username = Optional.ofNullable(node.string("username", null));
    Optional<SecretSource> password = node.secret("password_env", "password_file");
    if (username.isPresent() && password.isEmpty()) {
      throw node.error("password_env", "missing: a username needs password_env or password_file");
    }
    List<String> to = node.stringList("to");
    if (to.isEmpty()) {
      throw node.error("to", "missing: at least one recipient");
    }
    for (int i = 0; i < to.size(); i++) {
      if (!isAddress(to.get(i))) {
        throw node.error("to[" + i + "]", "'" + to.get(i) + "' is not an email address");
      }
    }
    String from = node.requiredString("from");
    if (!isAddress(from)) {
      throw node.error("from", "'" + from + "' is not an email address");
    }
    return new MailSettings(
        node.requiredString("host"),
        node.integer("port", defaultPort, 1, 65_535),
        security,
        username,
        password,
        from,
        to);
  }
}
