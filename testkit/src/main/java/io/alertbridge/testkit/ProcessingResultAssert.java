package io.alertbridge.testkit;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.AlertState;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Outcome;
import io.alertbridge.core.Priority;
import io.alertbridge.core.ProcessingResult;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link ProcessingResult}. Every failure message shows the result's explanation, so
 * a failing test says which row matched and which state it was in.
 */
public final class ProcessingResultAssert extends AbstractAssert<ProcessingResultAssert, ProcessingResult> {

  ProcessingResultAssert(ProcessingResult actual) {
    super(actual, ProcessingResultAssert.class);
  }

  /** @return this, after checking the outcome is CREATED */
  public ProcessingResultAssert isCreated() {
    return hasOutcome(Outcome.CREATED);
  }

  /** @return this, after checking the outcome is ACCEPTED */
  public ProcessingResultAssert isAccepted() {
    return hasOutcome(Outcome.ACCEPTED);
  }

  /** @return this, after checking the outcome is RESOLVED */
  public ProcessingResultAssert isResolved() {
    return hasOutcome(Outcome.RESOLVED);
  }

  /** @return this, after checking the outcome is UNCHANGED */
  public ProcessingResultAssert isUnchanged() {
    return hasOutcome(Outcome.UNCHANGED);
  }

  /** @return this, after checking the outcome is DUPLICATE */
  public ProcessingResultAssert isDuplicate() {
    return hasOutcome(Outcome.DUPLICATE);
  }

  /** @return this, after checking the outcome is STALE */
  public ProcessingResultAssert isStale() {
    return hasOutcome(Outcome.STALE);
  }

  /** @return this, after checking the outcome is REJECTED */
  public ProcessingResultAssert isRejected() {
    return hasOutcome(Outcome.REJECTED);
  }

  /** @return this, after checking the outcome is INVALID */
  public ProcessingResultAssert isInvalid() {
    return hasOutcome(Outcome.INVALID);
  }

  /** @return this, after checking the outcome is UNAUTHORIZED */
  public ProcessingResultAssert isUnauthorized() {
    return hasOutcome(Outcome.UNAUTHORIZED);
  }

  /**
   * @param expected the outcome
   * @return this
   */
  public ProcessingResultAssert hasOutcome(Outcome expected) {
    isNotNull();
    if (actual.outcome() != expected) {
      failWithMessage("expected outcome %s but was %s%n%s", expected, actual.outcome(), explanation());
    }
    return this;
  }

  /**
   * @param expected the HTTP status
   * @return this
   */
  public ProcessingResultAssert hasHttpStatus(int expected) {
    isNotNull();
    if (actual.httpStatus() != expected) {
      failWithMessage("expected HTTP status %s but was %s%n%s", expected, actual.httpStatus(), explanation());
    }
    return this;
  }

  /**
   * @param expected the ticket id
   * @return this
   */
  public ProcessingResultAssert hasTicketId(String expected) {
    isNotNull();
    if (!actual.ticketId().equals(java.util.Optional.of(expected))) {
      failWithMessage("expected ticket id %s but was %s%n%s", expected, actual.ticketId().orElse("none"), explanation());
    }
    return this;
  }

  /**
   * @param expected the alert's state after
   * @return this
   */
  public ProcessingResultAssert hasState(AlertState expected) {
    isNotNull();
    if (!actual.state().equals(java.util.Optional.of(expected))) {
      failWithMessage("expected state %s but was %s%n%s", expected, actual.state().map(Enum::name).orElse("absent"),
          explanation());
    }
    return this;
  }

  /** @return this, after checking the alert is absent after the delivery */
  public ProcessingResultAssert hasNoState() {
    isNotNull();
    if (actual.state().isPresent()) {
      failWithMessage("expected no alert but it was %s%n%s", actual.state().get(), explanation());
    }
    return this;
  }

  /** @return this, after checking there is no event to apply */
  public ProcessingResultAssert hasNoEvent() {
    isNotNull();
    if (!actual.events().isEmpty()) {
      failWithMessage("expected no event but got %s%n%s", actual.events(), explanation());
    }
    return this;
  }

  /**
   * @param expected the event's type
   * @return this
   */
  public ProcessingResultAssert hasEventType(EventType expected) {
    AlertEvent event = event();
    if (event.eventType() != expected) {
      failWithMessage("expected a %s event but was %s%n%s", expected, event.eventType(), explanation());
    }
    return this;
  }

  /**
   * @param expected the event's priority
   * @return this
   */
  public ProcessingResultAssert hasPriority(Priority expected) {
    AlertEvent event = event();
    if (event.priority() != expected) {
      failWithMessage("expected priority %s but was %s%n%s", expected, event.priority(), explanation());
    }
    return this;
  }

  /**
   * @param expected the event's summary
   * @return this
   */
  public ProcessingResultAssert hasSummary(String expected) {
    AlertEvent event = event();
    if (!event.summary().equals(expected)) {
      failWithMessage("expected summary%n  <%s>%nbut was%n  <%s>%n%s", expected, event.summary(), explanation());
    }
    return this;
  }

  /**
   * @param part text the message must contain
   * @return this
   */
  public ProcessingResultAssert hasMessageContaining(String part) {
    isNotNull();
    if (!actual.message().contains(part)) {
      failWithMessage("expected a message containing <%s> but was <%s>%n%s", part, actual.message(), explanation());
    }
    return this;
  }

  /** @return assertions on the one event to apply */
  public AlertEventAssert hasEvent() {
    return new AlertEventAssert(eventOrFail(), explanation());
  }

  private AlertEvent eventOrFail() {
    isNotNull();
    if (actual.event().isEmpty()) {
      failWithMessage("expected an event but there was none (outcome %s)%n%s", actual.outcome(), explanation());
    }
    return actual.event().get();
  }

  private AlertEvent event() {
    return eventOrFail();
  }

  private String explanation() {
    return actual.explanation().toText();
  }
}
