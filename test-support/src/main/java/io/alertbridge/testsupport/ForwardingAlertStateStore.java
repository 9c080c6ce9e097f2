package io.alertbridge.testsupport;

import io.alertbridge.core.AlertKey;
import io.alertbridge.core.AlertStateStore;
import io.alertbridge.core.AlertWrite;
import io.alertbridge.core.PendingChange;
import io.alertbridge.core.PendingEvent;
import io.alertbridge.core.StoredAlert;
import java.util.List;
import java.util.Optional;

/** Passes every call to another store; tests override the calls they want to break or watch. */
public class ForwardingAlertStateStore implements AlertStateStore {
  private final AlertStateStore delegate;

  /** @param delegate the store that answers */
  public ForwardingAlertStateStore(AlertStateStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<StoredAlert> read(AlertKey key) {
    return delegate.read(key);
  }

  @Override
  public boolean commit(List<AlertWrite> writes) {
    return delegate.commit(writes);
  }

  @Override
  public List<PendingEvent> pendingEvents(AlertKey key, int max) {
    return delegate.pendingEvents(key, max);
  }

  @Override
  public List<PendingEvent> pendingEvents(int max) {
    return delegate.pendingEvents(max);
  }

  @Override
  public void markApplied(AlertKey key, String eventId) {
    delegate.markApplied(key, eventId);
  }

  @Override
  public long countPendingEvents() {
    return delegate.countPendingEvents();
  }

  @Override
  public boolean keepsChanges() {
    return delegate.keepsChanges();
  }

  @Override
  public List<PendingChange> pendingChanges(int max) {
    return delegate.pendingChanges(max);
  }

  @Override
  public List<PendingChange> pendingChanges(AlertKey key, int max) {
    return delegate.pendingChanges(key, max);
  }

  @Override
  public boolean updateChange(PendingChange expected, PendingChange next) {
    return delegate.updateChange(expected, next);
  }

  @Override
  public void removeChange(AlertKey key, String changeId) {
    delegate.removeChange(key, changeId);
  }

  @Override
  public long countPendingChanges() {
    return delegate.countPendingChanges();
  }
}
