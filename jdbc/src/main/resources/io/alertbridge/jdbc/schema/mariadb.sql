-- AlertBridge JDBC stores, MariaDB 10.6+. Tables are named with the prefix alertbridge_; with another
-- prefix, replace it everywhere. Times are seconds since 1970-01-01T00:00:00Z, exact to the nanosecond.
-- Ids compare exactly (binary collation, no padding): 'ABC', 'abc' and 'abc ' are three keys.
-- Every statement creates only what is missing, so the file can run again over an existing schema: that is
-- also how a schema from before the way back (outbound changes) is upgraded. It adds the alerts' echo
-- column (null in existing rows: no echo expected) and the table alertbridge_pending_changes.

-- One row per alert key: the state, written by compare-and-set on version.
CREATE TABLE IF NOT EXISTS alertbridge_alerts (
  source_id VARCHAR(255) NOT NULL,
  ticket_id VARCHAR(255) NOT NULL,
  state VARCHAR(16) NOT NULL,
  alert_id VARCHAR(255) NOT NULL,
  last_source_update DECIMAL(30, 9),
  last_status MEDIUMTEXT NOT NULL,
  version BIGINT NOT NULL,
  updated_at DECIMAL(30, 9) NOT NULL,
  expires_at DECIMAL(30, 9),
  recent_delivery_ids MEDIUMTEXT NOT NULL,
  -- The statuses written back lately, whose webhook is the tool's echo, or null:
  -- {"statusKeys": ["inprogress"], "until": "1741079700.000000000"} (until in seconds, as a decimal string).
  echo MEDIUMTEXT,
  PRIMARY KEY (source_id, ticket_id),
  -- The expiry sweep.
  INDEX alertbridge_alerts_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- Upgrade: the echo column, added to an alerts table created before it existed.
ALTER TABLE alertbridge_alerts ADD COLUMN IF NOT EXISTS echo MEDIUMTEXT NULL;

-- The outbox: events committed with their alert's state and not yet applied by the host.
CREATE TABLE IF NOT EXISTS alertbridge_pending_events (
  seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source_id VARCHAR(255) NOT NULL,
  ticket_id VARCHAR(255) NOT NULL,
  event_id VARCHAR(255) NOT NULL,
  event_json MEDIUMTEXT NOT NULL,
  -- One event id once per key; also lists a key's events (ordered by seq).
  UNIQUE INDEX alertbridge_pending_events_event (source_id, ticket_id, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- The outbox of the way back: changes to write to the tickets, committed with their alert's state and
-- removed once the tool took them (or gave them up). change_json holds the whole change: {"format": 1,
-- "changeId", "alertId", "state", "status" (absent: a note only), "note", "requestedAt" (seconds, as a
-- decimal string)}. A node claims an attempt by compare-and-set on attempts and next_attempt_at.
CREATE TABLE IF NOT EXISTS alertbridge_pending_changes (
  seq BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  source_id VARCHAR(255) NOT NULL,
  ticket_id VARCHAR(255) NOT NULL,
  change_id VARCHAR(255) NOT NULL,
  change_json MEDIUMTEXT NOT NULL,
  attempts INT NOT NULL,
  next_attempt_at DECIMAL(30, 9) NOT NULL,
  last_error MEDIUMTEXT NULL,
  -- One change id once per key; also lists a key's changes (ordered by seq).
  UNIQUE INDEX alertbridge_pending_changes_change (source_id, ticket_id, change_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- Delivery ids already processed, per alert source.
CREATE TABLE IF NOT EXISTS alertbridge_delivery_ids (
  source_id VARCHAR(255) NOT NULL,
  delivery_id VARCHAR(255) NOT NULL,
  expires_at DECIMAL(30, 9) NOT NULL,
  PRIMARY KEY (source_id, delivery_id),
  -- The expiry sweep.
  INDEX alertbridge_delivery_ids_expiry (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;

-- version_floor: the highest version of any alert the sweep removed; a key written afresh starts above it.
CREATE TABLE IF NOT EXISTS alertbridge_meta (
  meta_key VARCHAR(64) NOT NULL PRIMARY KEY,
  meta_value BIGINT NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_nopad_bin;
INSERT IGNORE INTO alertbridge_meta (meta_key, meta_value) VALUES ('version_floor', 0);
