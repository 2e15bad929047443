DROP TABLE password_history;
DROP TABLE captcha_uses;
DROP TABLE rate_events;
DROP TABLE recovery_flows;
