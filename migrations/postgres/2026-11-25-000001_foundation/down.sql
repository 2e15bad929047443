DROP TABLE audit_events;
DROP TABLE policy_versions;
DROP TABLE sessions;
DROP TABLE group_members;
DROP TABLE groups;
DROP TABLE users;
