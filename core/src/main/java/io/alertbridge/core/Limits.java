package io.alertbridge.core;

/**
 * Bounds on what one delivery may cost. Every bound is checked in time linear in the input, and
 * every refusal names the field and the bound.
 *
 * @param maxBodyBytes the largest body accepted; larger is {@link Outcome#TOO_LARGE}
 * @param maxNestingDepth the deepest JSON nesting accepted; deeper is {@link Outcome#INVALID}
 * @param maxSummaryChars the longest summary kept; longer is cut and marked as truncated
 * @param maxDetailsChars the longest details kept; longer is cut and marked as truncated
 * @param maxNumberDigits the most significant digits a JSON number may have; more is {@link Outcome#INVALID}
 * @param maxNumberExponent the largest decimal exponent, either way, of a JSON number's leading digit
 *     ({@code 1e100} has 100, {@code 0.001} has -3); beyond it is {@link Outcome#INVALID}
 * @param maxAlertKeyChars the longest ticket id accepted as an alert key; longer is {@link Outcome#INVALID}
 * @param maxDeliveryIdChars the longest delivery id accepted; longer is {@link Outcome#INVALID}
 * @param maxBatchElements the most ticket events one delivery may hold; more is {@link Outcome#TOO_LARGE}
 * @param maxApiAnswerBytes the most bytes read from one answer of a tool's API
 */
public record Limits(
    int maxBodyBytes,
    int maxNestingDepth,
    int maxSummaryChars,
    int maxDetailsChars,
    int maxNumberDigits,
    int maxNumberExponent,
    int maxAlertKeyChars,
    int maxDeliveryIdChars,
    int maxBatchElements,
    int maxApiAnswerBytes) {

  /** The default body limit: 1 MiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 1 << 20;
  /** The default nesting limit: 64 levels. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;
  /** The summary limit: 1024 characters. */
  public static final int DEFAULT_MAX_SUMMARY_CHARS = 1024;
  /** The default details limit: 16384 characters. */
  public static final int DEFAULT_MAX_DETAILS_CHARS = 16_384;
  /** The default bound on a number's significant digits: 100. */
  public static final int DEFAULT_MAX_NUMBER_DIGITS = 100;
  /** The default bound on a number's decimal exponent: 100 either way. */
  public static final int DEFAULT_MAX_NUMBER_EXPONENT = 100;
  /** The default bound on an alert key: 255 characters, as alerting tools' deduplication keys allow. */
  public static final int DEFAULT_MAX_ALERT_KEY_CHARS = 255;
  /** The default bound on a delivery id: 255 characters. */
  public static final int DEFAULT_MAX_DELIVERY_ID_CHARS = 255;
  /** The default bound on ticket events per delivery: 100. */
  public static final int DEFAULT_MAX_BATCH_ELEMENTS = 100;
  /** The default bound on one answer of a tool's API: 1 MiB. */
  public static final int DEFAULT_MAX_API_ANSWER_BYTES = 1 << 20;

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
    requirePositive(maxNumberDigits, "maxNumberDigits");
    requirePositive(maxNumberExponent, "maxNumberExponent");
    requirePositive(maxAlertKeyChars, "maxAlertKeyChars");
    requirePositive(maxDeliveryIdChars, "maxDeliveryIdChars");
    requirePositive(maxBatchElements, "maxBatchElements");
    requirePositive(maxApiAnswerBytes, "maxApiAnswerBytes");
  }

  /**
   * @return 1 MiB bodies, 64 levels, 1024-character summaries, 16384-character details, numbers of
   *     100 digits and exponents up to 100, 255-character alert keys and delivery ids, 100 ticket events
   *     per delivery, 1 MiB API answers
   */
  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_SUMMARY_CHARS,
        DEFAULT_MAX_DETAILS_CHARS, DEFAULT_MAX_NUMBER_DIGITS, DEFAULT_MAX_NUMBER_EXPONENT, DEFAULT_MAX_ALERT_KEY_CHARS,
        DEFAULT_MAX_DELIVERY_ID_CHARS, DEFAULT_MAX_BATCH_ELEMENTS, DEFAULT_MAX_API_ANSWER_BYTES);
  }

  /** @param bytes the largest body accepted @return a copy with that bound */
  public Limits withMaxBodyBytes(int bytes) {
    return new Limits(bytes, maxNestingDepth, maxSummaryChars, maxDetailsChars, maxNumberDigits, maxNumberExponent,
        maxAlertKeyChars, maxDeliveryIdChars, maxBatchElements, maxApiAnswerBytes);
  }

  /** @param depth the deepest nesting accepted @return a copy with that bound */
  public Limits withMaxNestingDepth(int depth) {
    return new Limits(maxBodyBytes, depth, maxSummaryChars, maxDetailsChars, maxNumberDigits, maxNumberExponent,
        maxAlertKeyChars, maxDeliveryIdChars, maxBatchElements, maxApiAnswerBytes);
  }

  /** @param chars the longest summary kept @return a copy with that bound */
  public Limits withMaxSummaryChars(int chars) {
    return new Limits(maxBodyBytes, maxNestingDepth, chars, maxDetailsChars, maxNumberDigits, maxNumberExponent,
        maxAlertKeyChars, maxDeliveryIdChars, maxBatchElements, maxApiAnswerBytes);
  }

  /** @param chars the longest details kept @return a copy with that bound */
  public Limits withMaxDetailsChars(int chars) {
    return new Limits(maxBodyBytes, maxNestingDepth, maxSummaryChars, chars, maxNumberDigits, maxNumberExponent,
        maxAlertKeyChars, maxDeliveryIdChars, maxBatchElements, maxApiAnswerBytes);
  }

  /**
   * @param digits the most significant digits of a number
   * @param exponent the largest decimal exponent of a number, either way
   * @return a copy with those bounds
   */
  public Limits withMaxNumber(int digits, int exponent) {
    return new Limits(maxBodyBytes, maxNestingDepth, maxSummaryChars, maxDetailsChars, digits, exponent,
        maxAlertKeyChars, maxDeliveryIdChars, maxBatchElements, maxApiAnswerBytes);
  }

  /** @param chars the longest alert key accepted @return a copy with that bound */
  public Limits withMaxAlertKeyChars(int chars) {
    return new Limits(maxBodyBytes, maxNestingDepth, maxSummaryChars, maxDetailsChars, maxNumberDigits,
        maxNumberExponent, chars, maxDeliveryIdChars, maxBatchElements, maxApiAnswerBytes);
  }

  /** @param chars the longest delivery id accepted @return a copy with that bound */
  public Limits withMaxDeliveryIdChars(int chars) {
    return new Limits(maxBodyBytes, maxNestingDepth, maxSummaryChars, maxDetailsChars, maxNumberDigits,
        maxNumberExponent, maxAlertKeyChars, chars, maxBatchElements, maxApiAnswerBytes);
  }

  /** @param elements the most ticket events per delivery @return a copy with that bound */
  public Limits withMaxBatchElements(int elements) {
    return new Limits(maxBodyBytes, maxNestingDepth, maxSummaryChars, maxDetailsChars, maxNumberDigits,
        maxNumberExponent, maxAlertKeyChars, maxDeliveryIdChars, elements, maxApiAnswerBytes);
  }

  /** @param bytes the most bytes read from one API answer @return a copy with that bound */
  public Limits withMaxApiAnswerBytes(int bytes) {
    return new Limits(maxBodyBytes, maxNestingDepth, maxSummaryChars, maxDetailsChars, maxNumberDigits,
        maxNumberExponent, maxAlertKeyChars, maxDeliveryIdChars, maxBatchElements, bytes);
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
