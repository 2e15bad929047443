-- Not reversible in place: restore the backup taken before upgrading (this fails on purpose).
SELECT * FROM "the accounts migration cannot be reverted: restore a backup";
