-- 0003: what a hostile or compromised desk must not be able to do (issue 17). Forward-only.

-- W3: which device delivered an operation (its own push, or an import by another desk of the
-- office). Pull leaves out only what the caller delivered itself, so operations carried in a
-- batch file under another desk's id reach that desk too. NULL for rows from before: the
-- writing device delivered them.
ALTER TABLE operations ADD COLUMN received_from text;

-- W7: an enrolled device id is never taken over by a fresh enrolment code. An administrator may
-- let one device enrol again (lost token, reinstalled desk) until this time (`release` in the CLI).
ALTER TABLE devices ADD COLUMN reenrol_until timestamptz;

-- W1: certificate numbers are unique across the server. One ledger per series for every office:
-- blocks of different offices never overlap, and a number inside an office's block can be
-- claimed for the public index by that office only. Seeded with the highest number any office
-- reserved so far.
CREATE TABLE number_ledger (
  series   text PRIMARY KEY,
  last_no  integer NOT NULL DEFAULT 0 CHECK (last_no >= 0 AND last_no <= 999999)
);
INSERT INTO number_ledger (series, last_no)
  SELECT series, max(last_no) FROM number_series GROUP BY series;
CREATE INDEX number_blocks_series ON number_blocks (series, start_no);
