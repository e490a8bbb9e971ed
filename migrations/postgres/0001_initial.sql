-- The bot's state, check-in schedule and audit on PostgreSQL: the same tables and meanings as the
-- embedded SQLite database. Times are epoch milliseconds (bigint), except the audit's ISO text.

-- botbuilder Storage: conversation and user state, one JSON document per key, with its eTag.
CREATE TABLE state (
  key text PRIMARY KEY,
  value text NOT NULL,
  etag text NOT NULL,
  updated_at bigint NOT NULL
);
CREATE INDEX state_updated ON state (updated_at);

-- Follow-up check-ins: pending, claimed (with a lease), then sent, dropped or cancelled.
CREATE TABLE checkins (
  id text PRIMARY KEY,
  user_key text NOT NULL,
  reference text NOT NULL,
  locale text NOT NULL,
  due_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'claimed', 'sent', 'dropped', 'cancelled')),
  next_at bigint NOT NULL,
  claimed_by text,
  lease_until bigint,
  attempts integer NOT NULL DEFAULT 0,
  finished_at bigint
);
CREATE INDEX checkins_due ON checkins (status, next_at);
CREATE INDEX checkins_user ON checkins (user_key);

-- Append-only audit of every disposition (pseudonymous ids only, never the patient's words).
CREATE TABLE audit (
  seq bigserial PRIMARY KEY,
  at text NOT NULL,
  conversation text NOT NULL,
  "user" text NOT NULL,
  channel text NOT NULL,
  locale text NOT NULL,
  level text NOT NULL,
  reasons text NOT NULL,
  rules_version text NOT NULL,
  content_version text NOT NULL
);
CREATE INDEX audit_at ON audit (at);

-- Readiness: a small write that must succeed for the instance to take traffic.
CREATE TABLE probe (
  id integer PRIMARY KEY,
  n bigint NOT NULL
);
