ALTER TABLE outbox DROP COLUMN given_up_at;
