-- Replies to private chats (docs/platforms.md §14) are logged and queued like replies to groups. A private chat has
-- no group: its messages are logged with an empty group_id (no group has one, so the key never mixes a private chat
-- up with a group of the same number), and the sender is the other end. chat_kind says which a row is, so that a
-- pending reply resumed after a restart goes back to its private chat rather than to a group.
ALTER TABLE handled_message ADD COLUMN chat_kind TEXT NOT NULL DEFAULT 'group'
    CHECK (chat_kind IN ('group', 'private'));
