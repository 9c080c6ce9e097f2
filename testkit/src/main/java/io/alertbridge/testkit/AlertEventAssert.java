package io.alertbridge.testkit;

import io.alertbridge.core.AlertEvent;
import io.alertbridge.core.EventType;
import io.alertbridge.core.Link;
import io.alertbridge.core.Priority;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link AlertEvent}; failure messages show the explanation when there is one. */
public final class AlertEventAssert extends AbstractAssert<AlertEventAssert, AlertEvent> {
  private final String explanation;

  AlertEventAssert(AlertEvent actual, String explanation) {
    super(actual, AlertEventAssert.class);
    this.explanation = explanation;
  }

  /**
   * @param expected the type
   * @return this
   */
  public AlertEventAssert hasEventType(EventType expected) {
    return check(actual.eventType() == expected, "event type", expected, actual.eventType());
  }

  /**
   * @param expected the priority
   * @return this
   */
  public AlertEventAssert hasPriority(Priority expected) {
    return check(actual.priority() == expected, "priority", expected, actual.priority());
  }

  /**
   * @param expected the summary
   * @return this
   */
  public AlertEventAssert hasSummary(String expected) {
    return check(actual.summary().equals(expected), "summary", expected, actual.summary());
  }

  /**
   * @param expected the details
   * @return this
   */
  public AlertEventAssert hasDetails(String expected) {
    return check(actual.details().equals(expected), "details", expected, actual.details());
  }

  /**
   * @param expected the ticket id
   * @return this
   */
  public AlertEventAssert hasTicketId(String expected) {
    return check(actual.ticketId().equals(expected), "ticket id", expected, actual.ticketId());
  }

  /**
   * @param expected the ticket status
   * @return this
   */
  public AlertEventAssert hasTicketStatus(String expected) {
    return check(actual.ticketStatus().equals(expected), "ticket status", expected, actual.ticketStatus());
  }

  /**
   * @param href the address of a link the event must carry
   * @return this
   */
  public AlertEventAssert hasLink(String href) {
    isNotNull();
    return check(actual.links().stream().map(Link::href).anyMatch(href::equals), "a link", href, actual.links());
  }

  /**
   * @param name a custom detail's name
   * @param value its expected value (plain Java value)
   * @return this
   */
  public AlertEventAssert hasCustomDetail(String name, Object value) {
    isNotNull();
    boolean present = actual.customDetails().containsKey(name);
    return check(present && Objects.equals(actual.customDetails().get(name), value), "custom detail " + name,
        value, present ? actual.customDetails().get(name) : "(absent)");
  }

  /** @return this, after checking nothing was cut to its limit */
  public AlertEventAssert isNotTruncated() {
    isNotNull();
    return check(actual.truncated().isEmpty(), "truncated fields", "none", actual.truncated());
  }

  private AlertEventAssert check(boolean ok, String what, Object expected, Object seen) {
    isNotNull();
    if (!ok) {
      failWithMessage("expected %s%n  <%s>%nbut was%n  <%s>%n%s", what, expected, seen, explanation);
    }
    return this;
  }
}
