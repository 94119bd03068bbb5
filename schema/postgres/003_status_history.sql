-- Persona Studio team library: the one table added to the design. The design defines the
-- validation_status values but keeps no record of the moves; reviewers on different machines
-- need that record to merge (it is append-only and merges by union of ids), so the remote
-- holds the same history as the SQLite port's schema/003_workflow.sql. Additive: no design
-- table or column changes, and a platform that never syncs simply leaves it empty.
CREATE TABLE IF NOT EXISTS persona_status_history (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    persona_id UUID NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id UUID REFERENCES tenants(id) ON DELETE CASCADE,
    -- NULL for the row written when the persona is created.
    from_status validation_status,
    to_status validation_status NOT NULL,
    -- Users are matched by id across the SQLite files and the remote.
    changed_by UUID REFERENCES users(id) ON DELETE SET NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
    note TEXT
);

CREATE INDEX IF NOT EXISTS idx_persona_status_history_persona
    ON persona_status_history(persona_id, changed_at);
