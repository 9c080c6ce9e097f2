package io.alertbridge.core;

import java.util.Objects;
import java.util.Optional;

/**
 * What the host says happened to one of its alerts: an on-call engineer accepted or resolved it, with an
 * optional note and author. {@link WebhookProcessor#alertChanged} writes it back to the ticket.
 *
 * <pre>{@code
 * processor.alertChanged(source, ticketId, AlertChange.accepted().by("Ada").withNote("on my way"));
 * }</pre>
 *
 * @param state {@link AlertState#ACCEPTED} or {@link AlertState#RESOLVED}
 * @param note what the engineer wrote, if anything
 * @param author who changed the alert, as the host names them, if known
 */
public record AlertChange(AlertState state, Optional<String> note, Optional<String> author) {

  /**
   * Checks for nulls and a state the host can set; drops blank notes and authors.
   *
   * @param state {@link AlertState#ACCEPTED} or {@link AlertState#RESOLVED}
   * @param note what the engineer wrote, if anything
   * @param author who changed the alert, as the host names them, if known
   */
  public AlertChange {
    Objects.requireNonNull(state, "state");
    if (state == AlertState.PENDING) {
      throw new IllegalArgumentException("an alert can be changed to ACCEPTED or RESOLVED, not PENDING");
    }
    note = Objects.requireNonNull(note, "note").map(String::strip).filter(n -> !n.isEmpty());
    author = Objects.requireNonNull(author, "author").map(String::strip).filter(a -> !a.isEmpty());
  }

  /** @return the alert was accepted */
  public static AlertChange accepted() {
    return new AlertChange(AlertState.ACCEPTED, Optional.empty(), Optional.empty());
  }

  /** @return the alert was resolved */
  public static AlertChange resolved() {
    return new AlertChange(AlertState.RESOLVED, Optional.empty(), Optional.empty());
  }

  /**
   * @param note what the engineer wrote
   * @return this change with the note
   */
  public AlertChange withNote(String note) {
    return new AlertChange(state, Optional.of(Objects.requireNonNull(note, "note")), author);
  }

  /**
   * @param author who changed the alert
   * @return this change with the author
   */
  public AlertChange by(String author) {
    return new AlertChange(state, note, Optional.of(Objects.requireNonNull(author, "author")));
  }
}
