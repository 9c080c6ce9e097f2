package io.alertbridge.core;

import java.util.Locale;

/** Label comparison as every status-mapping table and priority mapping does it. */
final class Labels {

  private Labels() {}

  /**
   * Folds a label for comparison: case-insensitive, ignoring spaces, hyphens and underscores, so
   * {@code "On-hold"}, {@code "on hold"} and {@code "ON_HOLD"} are one label.
   *
   * @param label the label as a tool spells it
   * @return the folded label
   */
  static String normalize(String label) {
    if (isFolded(label)) {
      return label;
    }
    StringBuilder folded = new StringBuilder(label.length());
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c == ' ' || c == '-' || c == '_' || c == '\t' || c == '\u00a0') {
        continue;
      }
      folded.append(c);
    }
    return folded.toString().toLowerCase(Locale.ROOT);
  }

  /** @return whether the label is already folded: lower-case ASCII letters and digits only */
  private static boolean isFolded(String label) {
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9')) {
        return false;
      }
    }
    return true;
  }
}
