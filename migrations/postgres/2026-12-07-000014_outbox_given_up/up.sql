-- A webhook delivery that kept failing for a day is given up (issue 17): it stays in the
-- delivery log, marked, and is never tried again unless an administrator sends it again.
-- Notifications (email) never set it.
ALTER TABLE outbox ADD COLUMN given_up_at TIMESTAMP;
