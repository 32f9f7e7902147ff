-- Applied after every migration run; each statement is idempotent.
-- The audit trail is append-only: nothing may rewrite or remove an event.
CREATE OR REPLACE FUNCTION siyi_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
END;
$$ LANGUAGE plpgsql;
DROP TRIGGER IF EXISTS audit_events_append_only ON audit_events;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION siyi_audit_append_only();
