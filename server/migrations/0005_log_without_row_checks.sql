-- 0005: the log and the record states no longer check their office row by row (issue 17). Forward-only.

-- Every push locks its office's row (`SELECT … FOR UPDATE`) before it writes, and offices are
-- never deleted: the office of every row a push writes is proven once per batch. The foreign keys
-- checked it again for every row — a referential-integrity trigger firing 2,000 times for a
-- batch of 1,000 operations, about a fifth of a push's time in the database.
ALTER TABLE operations DROP CONSTRAINT operations_office_id_fkey;
ALTER TABLE records DROP CONSTRAINT records_office_id_fkey;
