package org.p2penergy.store;

/**
 * Why the object store did not take an upload, as one of a few kinds the uploader acts on (wait and
 * retry, or stop and say what to fix). The message names the store, the bucket and the key id,
 * never a secret.
 */
public final class StoreFailure extends Exception {
  /** What went wrong, coarsely: each kind has its own remedy. */
  public enum Kind {
    /** The store refused the key pair (wrong secret, unknown key id, access denied). */
    CREDENTIALS("credentials refused"),
    /** The bucket of {@code storage.url} does not exist. */
    NO_BUCKET("no such bucket"),
    /** No answer: connection refused, no route, DNS, timeout. */
    UNREACHABLE("store unreachable"),
    /** 503 SlowDown or 429: the store asks us to slow down. */
    THROTTLED("store throttling (SlowDown)"),
    /** A 5xx other than SlowDown. */
    SERVER_ERROR("store error"),
    /** The bytes changed while they were sent (BadDigest) or the store's checksum differs. */
    CHANGED("upload not verified"),
    /** Anything else the store answered (wrong region, clock skew, ...): fixed by the operator. */
    REFUSED("store refused the request");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** A few words for the status line and the outage record. */
    public String words() {
      return words;
    }
  }

  private final Kind kind;

  public StoreFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** True for a failure that goes away by waiting (the store or the network comes back). */
  public boolean isTransient() {
    return kind == Kind.UNREACHABLE
        || kind == Kind.THROTTLED
        || kind == Kind.SERVER_ERROR
        || kind == Kind.CHANGED;
  }
}
