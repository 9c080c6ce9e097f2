package io.alertbridge.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/** A clock that stands still until the test moves it. Thread-safe; always in UTC. */
public final class TestClock extends Clock {
  private volatile Instant now;

  private TestClock(Instant now) {
    this.now = Objects.requireNonNull(now, "now");
  }

  /**
   * @param now the starting time
   * @return a clock standing at that time
   */
  public static TestClock at(Instant now) {
    return new TestClock(now);
  }

  /**
   * @param iso an ISO-8601 instant such as {@code 2025-03-04T09:15:02Z}
   * @return a clock standing at that time
   */
  public static TestClock at(String iso) {
    return new TestClock(Instant.parse(iso));
  }

  /**
   * @param step how far to move forward (or back, when negative)
   * @return this clock
   */
  public TestClock advance(Duration step) {
    now = now.plus(Objects.requireNonNull(step, "step"));
    return this;
  }

  /**
   * @param time the new time
   * @return this clock
   */
  public TestClock set(Instant time) {
    now = Objects.requireNonNull(time, "time");
    return this;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public String toString() {
    return "TestClock[" + now + "]";
  }
}
