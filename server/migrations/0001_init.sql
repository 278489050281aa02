-- 0001: offices, devices, the operation log, merged record state, blobs, rate limits.
-- Forward-only: a later change is a new numbered file, never an edit of this one.

-- An office (协会秘书处) is the unit of isolation: every device, operation, record and blob
-- belongs to exactly one, and every query a device can cause is scoped to it.
CREATE TABLE offices (
  id          text PRIMARY KEY,
  code        text NOT NULL UNIQUE,
  name        text NOT NULL,
  -- Position of the newest operation in this office's log. Pushes lock this row, so positions
  -- are assigned and committed in the same order and a pull never skips a late commit.
  last_seq    bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Ed25519 key pairs per office: they sign public verification answers; the public halves are
-- published at GET /offices/:id/public-key. Retired keys stay so old answers still verify.
CREATE TABLE office_keys (
  key_id       text PRIMARY KEY,
  office_id    text NOT NULL REFERENCES offices (id),
  algorithm    text NOT NULL DEFAULT 'Ed25519',
  public_key   text NOT NULL,   -- base64 SPKI DER
  private_key  text NOT NULL,   -- base64 PKCS#8 DER
  created_at   timestamptz NOT NULL DEFAULT now(),
  retired_at   timestamptz
);
CREATE INDEX office_keys_office ON office_keys (office_id);

-- One-time enrolment codes; only the SHA-256 of a code is stored.
CREATE TABLE enrolment_codes (
  code_hash       text PRIMARY KEY,
  office_id       text NOT NULL REFERENCES offices (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz,
  used_by_device  text
);

-- Devices keep the id they generated themselves (their operations already carry it). Only the
-- SHA-256 of a device token is stored; a revoked device keeps its hash so the refusal can say
-- "revoked" rather than "unknown".
CREATE TABLE devices (
  id            text PRIMARY KEY,
  office_id     text NOT NULL REFERENCES offices (id),
  name          text NOT NULL,
  app_version   text NOT NULL DEFAULT '',
  token_hash    text UNIQUE,
  enrolled_at   timestamptz NOT NULL DEFAULT now(),
  last_seen_at  timestamptz,
  revoked_at    timestamptz
);
CREATE INDEX devices_office ON devices (office_id);

-- Every batch received, with the answer given, so a replay gets the same answer and a reused
-- batch id with other content is caught.
CREATE TABLE batches (
  office_id     text NOT NULL REFERENCES offices (id),
  batch_id      text NOT NULL,
  device_id     text NOT NULL,
  content_hash  text NOT NULL,
  applied       jsonb NOT NULL,
  duplicates    jsonb NOT NULL,
  cursor        text NOT NULL,
  received_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (office_id, batch_id)
);

-- The operation log: insert-or-ignore on (office, operation id). `op` is the operation exactly
-- as validated, as JSON text, so a pull sends it without re-encoding.
CREATE TABLE operations (
  office_id    text NOT NULL REFERENCES offices (id),
  seq          bigint NOT NULL,
  op_id        text NOT NULL,
  batch_id     text NOT NULL,
  device_id    text NOT NULL,
  table_name   text NOT NULL,
  record_id    text NOT NULL,
  hlc          text NOT NULL,
  op           text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (office_id, seq),
  UNIQUE (office_id, op_id)
);

-- Current state of each record: the shared merge function's RecordState (JSON text: only the
-- server reads it back, whole, so jsonb's parsing would be paid on every write for nothing) and,
-- for queries, the visible values.
CREATE TABLE records (
  office_id    text NOT NULL REFERENCES offices (id),
  table_name   text NOT NULL,
  record_id    text NOT NULL,
  state        text NOT NULL,
  data         jsonb NOT NULL,
  deleted      boolean NOT NULL DEFAULT false,
  updated_seq  bigint NOT NULL,
  PRIMARY KEY (office_id, table_name, record_id)
);

-- Public verification looks certificates up by number alone, so a number belongs to the first
-- office (and record) that synced it: another office cannot shadow or alter its public answer.
CREATE TABLE certificate_numbers (
  certificate_no  text PRIMARY KEY,
  office_id       text NOT NULL REFERENCES offices (id),
  record_id       text NOT NULL
);
CREATE INDEX certificate_numbers_record ON certificate_numbers (office_id, record_id);

-- Attachment bytes, content-addressed and stored once; `office_blobs` says which offices may
-- read them (an office reads only what one of its devices uploaded).
CREATE TABLE blobs (
  sha256      text PRIMARY KEY,
  size        integer NOT NULL,
  data        bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE office_blobs (
  office_id   text NOT NULL REFERENCES offices (id),
  sha256      text NOT NULL REFERENCES blobs (sha256),
  mime_type   text NOT NULL,
  device_id   text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (office_id, sha256)
);

-- Fixed-window counters shared by every server process (enrolment, public verification).
CREATE TABLE rate_limits (
  key           text PRIMARY KEY,
  window_start  timestamptz NOT NULL,
  hits          integer NOT NULL
);
