-- The bearer token of a push subscription, which every push carries back to
-- the app (Mastodon's access_token field); gone with the subscription.
ALTER TABLE web_push_subscriptions ADD COLUMN access_token TEXT NOT NULL DEFAULT '';
CREATE INDEX index_web_push_subscriptions_on_user_id ON web_push_subscriptions (user_id);
