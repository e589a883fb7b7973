-- When this database first served a bot. A summary is owed only for days whose post time came after that:
-- a freshly installed bot does not post a 补发 of the day before it existed. Portable SQL.

CREATE TABLE installation (
    id               INTEGER NOT NULL CHECK (id = 1),
    first_started_at BIGINT  NOT NULL,
    CONSTRAINT pk_installation PRIMARY KEY (id)
);
