-- 0004: a record's merge state is all the server keeps of it (issue 17). Forward-only.

-- `data` held each record's visible values a second time, as jsonb, beside the merge state: half
-- of what every push wrote, read only by the public verification of a certificate (its number,
-- status and dates, and the holder's name), which now reads them from `state`. States are
-- stored compactly from now on (server/record-state.ts reads both forms).
ALTER TABLE records DROP COLUMN data;
