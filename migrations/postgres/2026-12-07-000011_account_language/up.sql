-- Languages (issue 16): the language a person chose for the service's messages to them.
ALTER TABLE accounts ADD COLUMN language TEXT;
