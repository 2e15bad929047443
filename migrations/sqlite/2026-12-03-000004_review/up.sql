-- Step-up for changes of security info (issue 12): a session remembers whether it began with
-- no active method (it may then register the first set without proof) and until when a recent
-- proof with one of the person's methods lets it change them.
ALTER TABLE sessions ADD COLUMN began_without_methods INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN elevated_until TIMESTAMP;
-- A method added or replaced as a change (not the first set) waits out the policy's recovery
-- cool-down before it is offered in a reset. Existing rows keep waiting, as they did.
ALTER TABLE methods ADD COLUMN held INTEGER NOT NULL DEFAULT 1;
-- Finishing a flow re-checks the person: the role they had at start is kept to compare.
ALTER TABLE recovery_flows ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0;
