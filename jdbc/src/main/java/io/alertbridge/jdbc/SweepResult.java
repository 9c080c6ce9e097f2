package io.alertbridge.jdbc;

/**
 * What one {@link JdbcStores#sweepExpired} call removed.
 *
 * @param alerts how many forgotten alerts (resolved, retention passed) were removed
 * @param deliveryIds how many expired delivery ids were removed
 * @param maxRows the bound the call was given, for each of the two
 */
public record SweepResult(int alerts, int deliveryIds, int maxRows) {

  /** @return whether either kind reached its bound, so that another call may find more to remove */
  public boolean mayHaveMore() {
    return alerts >= maxRows || deliveryIds >= maxRows;
  }
}
