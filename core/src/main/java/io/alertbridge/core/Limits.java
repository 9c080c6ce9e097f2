package io.alertbridge.core;

/**
 * Bounds on what one delivery may cost.
 *
 * @param maxBodyBytes the largest body accepted; larger is {@link Outcome#TOO_LARGE}
 * @param maxNestingDepth the deepest JSON nesting accepted; deeper is {@link Outcome#INVALID}
 * @param maxSummaryChars the longest summary kept; longer is cut and marked as truncated
 * @param maxDetailsChars the longest details kept; longer is cut and marked as truncated
 */
public record Limits(int maxBodyBytes, int maxNestingDepth, int maxSummaryChars, int maxDetailsChars) {

  /** The default body limit: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
  /** The default nesting limit: 64 levels. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
  /** The summary limit: 1024 characters. */
  public static final int DEFAULT_MAX_SUMMARY_CHARS = 1024;
  /** The default details limit: 16384 characters. */
  public static final int DEFAULT_MAX_DETAILS_CHARS = 16_384;

  /** Checks that every bound is positive and the nesting depth within what the reader allows. */
  public Limits {
    requirePositive(maxBodyBytes, "maxBodyBytes");
    requirePositive(maxNestingDepth, "maxNestingDepth");
    if (maxNestingDepth > io.alertbridge.core.internal.Json.MAX_NESTING_DEPTH) {
      throw new IllegalArgumentException("maxNestingDepth must be at most "
          + io.alertbridge.core.internal.Json.MAX_NESTING_DEPTH + ", got " + maxNestingDepth);
    }
    requirePositive(maxSummaryChars, "maxSummaryChars");
    requirePositive(maxDetailsChars, "maxDetailsChars");
  }

  /** @return 1 MiB bodies, 64 levels, 1024-character summaries, 16384-character details */
  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_SUMMARY_CHARS,
        DEFAULT_MAX_DETAILS_CHARS);
  }

  /** @param bytes the largest body accepted @return a copy with that bound */
  public Limits withMaxBodyBytes(int bytes) {
    return new Limits(bytes, maxNestingDepth, maxSummaryChars, maxDetailsChars);
  }

  /** @param depth the deepest nesting accepted @return a copy with that bound */
  public Limits withMaxNestingDepth(int depth) {
    return new Limits(maxBodyBytes, depth, maxSummaryChars, maxDetailsChars);
  }

  /** @param chars the longest details kept @return a copy with that bound */
  public Limits withMaxDetailsChars(int chars) {
    return new Limits(maxBodyBytes, maxNestingDepth, maxSummaryChars, chars);
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
