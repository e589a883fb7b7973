-- The coordinators' web desk (docs/web.md): one-time sign-in links and the sessions they start. Both live here, not
-- in a replica's memory, so a link issued by one replica opens on another and a session survives either.
-- Only SHA-256 digests of the link tokens and session ids are stored (hex): a copy of the database signs nobody in.
--
-- desk_login_link: used_at is set once, by the request that redeems the link; a row whose expires_at has passed
--                  or whose used_at is set opens nothing. Times are epoch milliseconds.
CREATE TABLE desk_login_link (
    token_hash TEXT PRIMARY KEY,
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);
CREATE INDEX ix_desk_login_link_expires ON desk_login_link (expires_at);

-- desk_session: csrf_token is the value every change-making request of the session must carry.
CREATE TABLE desk_session (
    id_hash    TEXT PRIMARY KEY,
    platform   TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    user_name  TEXT NOT NULL,
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX ix_desk_session_expires ON desk_session (expires_at);
