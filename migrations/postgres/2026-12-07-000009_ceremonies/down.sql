DROP TABLE ceremonies;
