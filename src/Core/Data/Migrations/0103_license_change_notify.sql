-- Every instance serves validate from an in-memory copy of licenses (Licensing/LicenseStateSync.cs), kept exact by
-- these notifications: the payload is the id of a license whose row changed; the listener re-reads it.
-- Only the columns validate decides on count as a change: the batched last_validated_at / heartbeat writes touch
-- thousands of rows a second and must not wake every instance. A column validate starts reading must be added here
-- and to LicenseState.Columns.
CREATE FUNCTION licenses_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('license_changes', (CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END)::text);
    RETURN NULL;
END
$$;

CREATE TRIGGER licenses_notify_insert_delete AFTER INSERT OR DELETE ON licenses
    FOR EACH ROW EXECUTE FUNCTION licenses_notify_change();

CREATE TRIGGER licenses_notify_update AFTER UPDATE ON licenses
    FOR EACH ROW
    WHEN ((OLD.id, OLD.machine_id, OLD.email, OLD.product, OLD.license_key, OLD.license_type, OLD.created_at,
           OLD.trial_started_at, OLD.activated_at, OLD.expires_at, OLD.is_revoked, OLD.revoked_at, OLD.revoked_reason)
          IS DISTINCT FROM
          (NEW.id, NEW.machine_id, NEW.email, NEW.product, NEW.license_key, NEW.license_type, NEW.created_at,
           NEW.trial_started_at, NEW.activated_at, NEW.expires_at, NEW.is_revoked, NEW.revoked_at, NEW.revoked_reason))
    EXECUTE FUNCTION licenses_notify_change();
