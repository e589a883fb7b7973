-- Replies sent through a platform's API (OneBot reply-mode=API) are queued durably in the reply log, and summary
-- posts wait in the outbound queue under a lease (docs/platforms.md §7, docs/storage.md §9).
--
-- handled_message.delivery: NULL      nothing to send through the API (a quick reply, no reply at all, or older rows)
--                           pending   waiting to be sent; delivery_owner holds it until delivery_lease, and renews
--                                     that while it is queued; another replica takes it over once the lease ran out
--                           sent      accepted by the platform at delivered_at
--                           expired   not sent before it stopped mattering (tallybot.outbound.reply-max-age)
--                           stale     a rate-limit warning whose wait was over by the time it could be sent
--                           failed    refused for good by the platform, or retried until too old
-- A pending row must not be pruned.
ALTER TABLE handled_message ADD COLUMN delivery TEXT;
ALTER TABLE handled_message ADD COLUMN sender_id TEXT;
ALTER TABLE handled_message ADD COLUMN queued_at BIGINT;
ALTER TABLE handled_message ADD COLUMN wait_until BIGINT;
ALTER TABLE handled_message ADD COLUMN delivery_owner TEXT;
ALTER TABLE handled_message ADD COLUMN delivery_lease BIGINT;
ALTER TABLE handled_message ADD COLUMN delivery_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE handled_message ADD COLUMN delivered_at BIGINT;

CREATE INDEX ix_handled_message_pending ON handled_message (delivery_lease) WHERE delivery = 'pending';

-- summary_post: a pending row with lease_until in the future is queued by its owner; a tick takes it over once the
-- lease ran out (the owner stopped).
ALTER TABLE summary_post ADD COLUMN lease_until BIGINT;
