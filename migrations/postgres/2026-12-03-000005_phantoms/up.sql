-- Decoys are phantom people (issue 12): their codes are rows like anyone's, kept under an id
-- that is in no users row, so a code's person is no longer a foreign key. Codes outlived their
-- method already (the send limits count them); now they outlive their person too, until
-- housekeeping purges them.
ALTER TABLE verification_codes DROP CONSTRAINT IF EXISTS verification_codes_user_id_fkey;
-- A decoy flow keeps the phantom it showed at start (JSON), so that every later step runs on
-- the same person whatever the directory looks like meanwhile.
ALTER TABLE recovery_flows ADD COLUMN phantom TEXT;
