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
 * @param maxJsonValues the most JSON values (objects, arrays, strings, numbers, literals) one body may
 *     hold; more is {@link Outcome#TOO_LARGE}, found while reading, so a body dense with tiny values
 *     costs no more than this many
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
    int maxApiAnswerBytes,
    int maxJsonValues) {

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
  /** The default bound on the JSON values of one body: 50,000 (a full HaloITSM ticket holds a few hundred). */
  public static final int DEFAULT_MAX_JSON_VALUES = 50_000;

  /**
   * Checks that every bound is positive and the nesting depth within what the reader allows.
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
   * @param maxJsonValues the most JSON values (objects, arrays, strings, numbers, literals) one body may
   *     hold; more is {@link Outcome#TOO_LARGE}, found while reading, so a body dense with tiny values
   *     costs no more than this many
   */
  public Limits {
    requirePositive(maxBodyBytes, "maxBodyBytes");
    requirePositive(maxNestingDepth, "maxNestingDepth");
    if (maxNestingDepth > io.alertbridge.core.json.Json.MAX_NESTING_DEPTH) {
      throw new IllegalArgumentException("maxNestingDepth must be at most "
          + io.alertbridge.core.json.Json.MAX_NESTING_DEPTH + ", got " + maxNestingDepth);
    }
    requirePositive(maxSummaryChars, "maxSummaryChars");
    requirePositive(maxDetailsChars, "maxDetailsChars");
    requirePositive(maxNumberDigits, "maxNumberDigits");
    requirePositive(maxNumberExponent, "maxNumberExponent");
    requirePositive(maxAlertKeyChars, "maxAlertKeyChars");
    requirePositive(maxDeliveryIdChars, "maxDeliveryIdChars");
    requirePositive(maxBatchElements, "maxBatchElements");
    requirePositive(maxApiAnswerBytes, "maxApiAnswerBytes");
    requirePositive(maxJsonValues, "maxJsonValues");
  }

  /**
   * @return 1 MiB bodies, 64 levels, 1024-character summaries, 16384-character details, numbers of
   *     100 digits and exponents up to 100, 255-character alert keys and delivery ids, 100 ticket events
   *     per delivery, 1 MiB API answers, 50,000 JSON values per body
   */
  public static Limits defaults() {
    return new Limits(DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_SUMMARY_CHARS,
        DEFAULT_MAX_DETAILS_CHARS, DEFAULT_MAX_NUMBER_DIGITS, DEFAULT_MAX_NUMBER_EXPONENT, DEFAULT_MAX_ALERT_KEY_CHARS,
        DEFAULT_MAX_DELIVERY_ID_CHARS, DEFAULT_MAX_BATCH_ELEMENTS, DEFAULT_MAX_API_ANSWER_BYTES,
        DEFAULT_MAX_JSON_VALUES);
  }

  /** @return a builder starting from the defaults */
  public static Builder builder() {
    return defaults().toBuilder();
  }

  /** @return a builder starting from these limits */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link Limits}; every bound not set keeps the value the builder started from. */
  public static final class Builder {
    private int maxBodyBytes;
    private int maxNestingDepth;
    private int maxSummaryChars;
    private int maxDetailsChars;
    private int maxNumberDigits;
    private int maxNumberExponent;
    private int maxAlertKeyChars;
    private int maxDeliveryIdChars;
    private int maxBatchElements;
    private int maxApiAnswerBytes;
    private int maxJsonValues;

    private Builder(Limits from) {
      maxBodyBytes = from.maxBodyBytes;
      maxNestingDepth = from.maxNestingDepth;
      maxSummaryChars = from.maxSummaryChars;
      maxDetailsChars = from.maxDetailsChars;
      maxNumberDigits = from.maxNumberDigits;
      maxNumberExponent = from.maxNumberExponent;
      maxAlertKeyChars = from.maxAlertKeyChars;
      maxDeliveryIdChars = from.maxDeliveryIdChars;
      maxBatchElements = from.maxBatchElements;
      maxApiAnswerBytes = from.maxApiAnswerBytes;
      maxJsonValues = from.maxJsonValues;
    }

    /**
     * @param bytes the largest body accepted
     * @return this builder
     */
    public Builder maxBodyBytes(int bytes) {
      maxBodyBytes = bytes;
      return this;
    }

    /**
     * @param depth the deepest nesting accepted
     * @return this builder
     */
    public Builder maxNestingDepth(int depth) {
      maxNestingDepth = depth;
      return this;
    }

    /**
     * @param chars the longest summary kept
     * @return this builder
     */
    public Builder maxSummaryChars(int chars) {
      maxSummaryChars = chars;
      return this;
    }

    /**
     * @param chars the longest details kept
     * @return this builder
     */
    public Builder maxDetailsChars(int chars) {
      maxDetailsChars = chars;
      return this;
    }

    /**
     * @param digits the most significant digits of a number
     * @return this builder
     */
    public Builder maxNumberDigits(int digits) {
      maxNumberDigits = digits;
      return this;
    }

    /**
     * @param exponent the largest decimal exponent of a number, either way
     * @return this builder
     */
    public Builder maxNumberExponent(int exponent) {
      maxNumberExponent = exponent;
      return this;
    }

    /**
     * @param chars the longest alert key accepted
     * @return this builder
     */
    public Builder maxAlertKeyChars(int chars) {
      maxAlertKeyChars = chars;
      return this;
    }

    /**
     * @param chars the longest delivery id accepted
     * @return this builder
     */
    public Builder maxDeliveryIdChars(int chars) {
      maxDeliveryIdChars = chars;
      return this;
    }

    /**
     * @param elements the most ticket events per delivery
     * @return this builder
     */
    public Builder maxBatchElements(int elements) {
      maxBatchElements = elements;
      return this;
    }

    /**
     * @param bytes the most bytes read from one API answer
     * @return this builder
     */
    public Builder maxApiAnswerBytes(int bytes) {
      maxApiAnswerBytes = bytes;
      return this;
    }

    /**
     * @param values the most JSON values in one body
     * @return this builder
     */
    public Builder maxJsonValues(int values) {
      maxJsonValues = values;
      return this;
    }

    /**
     * @return the limits
     * @throws IllegalArgumentException when a bound is not positive, naming it
     */
    public Limits build() {
      return new Limits(maxBodyBytes, maxNestingDepth, maxSummaryChars, maxDetailsChars, maxNumberDigits,
          maxNumberExponent, maxAlertKeyChars, maxDeliveryIdChars, maxBatchElements, maxApiAnswerBytes, maxJsonValues);
    }
  }

  private static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
