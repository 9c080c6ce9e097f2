package io.alertbridge.core.example;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it. Thread-safe. */
public final class MutableClock extends Clock {
  private volatile Instant now;

  private MutableClock(Instant now) {
    this.now = now;
  }

  /** @param now the starting time @return a clock at that time */
  public static MutableClock at(Instant now) {
    return new MutableClock(now);
  }

  /** @param iso an ISO-8601 instant @return a clock at that time */
  public static MutableClock at(String iso) {
    return new MutableClock(Instant.parse(iso));
  }

  /** @param step how far to move @return this clock */
  public MutableClock advance(Duration step) {
    now = now.plus(step);
    return this;
  }

  /** @param time the new time @return this clock */
  public MutableClock set(Instant time) {
    now = time;
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
}
