package io.alertbridge.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one poll of a source read and decided.
 *
 * @param sourceId the alert source polled
 * @param since the time after which changes were read
 * @param results one result per ticket read, in the order read
 */
public record PollResult(String sourceId, Instant since, List<ProcessingResult> results) {

  /**
   * Checks for nulls; copies the results.
   *
   * @param sourceId the alert source polled
   * @param since the time after which changes were read
   * @param results one result per ticket read, in the order read
   */
  public PollResult {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(since, "since");
    results = List.copyOf(results);
  }
}
