package io.alertbridge.core;

import java.util.Objects;

/**
 * A link shown on the alert.
 *
 * @param href the address
 * @param text the text to show; empty when the tool gives none
 */
public record Link(String href, String text) {

  /**
   * Checks for nulls and an empty address.
   *
   * @param href the address
   * @param text the text to show; empty when the tool gives none
   */
  public Link {
    Objects.requireNonNull(href, "href");
    Objects.requireNonNull(text, "text");
    if (href.isBlank()) {
      throw new IllegalArgumentException("href must not be blank");
    }
  }

  /**
   * @param href the address
   * @return a link without text
   */
  public static Link of(String href) {
    return new Link(href, "");
  }
}
