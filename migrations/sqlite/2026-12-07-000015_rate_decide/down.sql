-- Issue 18: PostgreSQL decides a request's limits in one call to a function (rate_decide). On
-- SQLite the statements run in process, serialised by the one writer; nothing to add. Kept so
-- that both backends number their migrations alike.
SELECT 1;
