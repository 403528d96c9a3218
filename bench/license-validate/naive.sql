-- What a validate costs when everything is written per request: rate-limit upsert, license update
-- (returning what validate needs), history insert, in one transaction.
\set lid random(1, :licenses)
BEGIN;
INSERT INTO license_rate_limits AS r (bucket, subject, window_started_at, window_ends_at, hits)
VALUES ('naive', '10.0.0.' || :client_id, now(), now() + interval '1 hour', 1)
ON CONFLICT (bucket, subject) DO UPDATE SET
    window_started_at = CASE WHEN r.window_ends_at <= now() THEN now() ELSE r.window_started_at END,
    window_ends_at    = CASE WHEN r.window_ends_at <= now() THEN now() + interval '1 hour' ELSE r.window_ends_at END,
    hits              = CASE WHEN r.window_ends_at <= now() THEN 1 ELSE r.hits + 1 END
RETURNING hits;
UPDATE licenses SET last_validated_at = now() WHERE id = :lid
RETURNING email, license_type, expires_at, is_revoked;
INSERT INTO activations (license_id, action_type, ip_address, created_at) VALUES (:lid, 'validated', '10.0.0.1', now());
COMMIT;
