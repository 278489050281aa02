-- 0002: the office's certificate number ledger (shared/documents/numbering.ts, kept where there
-- is one truth). Forward-only: a later change is a new numbered file.

-- One row per office and series ('XJPM-2026': program prefix and year): the highest number ever
-- reserved. A reservation locks this row, so two concurrent requests of one series are served
-- one after the other and their blocks never overlap.
CREATE TABLE number_series (
  office_id   text NOT NULL REFERENCES offices (id),
  series      text NOT NULL,
  last_no     integer NOT NULL DEFAULT 0 CHECK (last_no >= 0 AND last_no <= 999999),
  PRIMARY KEY (office_id, series)
);

-- Every block handed out: numbers [start_no, end_no] of the series belong to that device.
-- `request_id` is the desk's idempotency key: a retry after a lost answer finds its block here.
CREATE TABLE number_blocks (
  office_id    text NOT NULL REFERENCES offices (id),
  series       text NOT NULL,
  start_no     integer NOT NULL,
  end_no       integer NOT NULL,
  device_id    text NOT NULL,
  request_id   text NOT NULL,
  reserved_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (office_id, series, start_no),
  UNIQUE (office_id, device_id, request_id),
  CHECK (start_no >= 1 AND end_no >= start_no AND end_no <= 999999),
  FOREIGN KEY (office_id, series) REFERENCES number_series (office_id, series)
);
CREATE INDEX number_blocks_device ON number_blocks (office_id, device_id);
