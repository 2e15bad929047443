-- Languages (issue 16): a flow keeps the language it started in, for the codes it sends.
ALTER TABLE recovery_flows ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
