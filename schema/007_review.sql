-- Persona Studio schema, migration 7: the review trail (issue 13, "Review that leaves a trail,
-- and shows what changed"). Not part of the v4.0.0 design, which has no history at all; this
-- builds on 003 (status history) and 005 (the review record and its grant).
--
-- SNAPSHOTS. At every status move the app keeps the persona as it was at that move: its JSON
-- as the export writes it (src/model/json.rs), without the status history (the history row is
-- the key, and a copy of the history in every snapshot would grow with its square), and with
-- each list row's id, so a diff matches rows by id rather than by position. Keyed by the
-- history row the move's trigger wrote; written in the same transaction as the move by the
-- app's store (the app, `persona-studio status` and import all move through it). A move made
-- by a plain SQL client has no snapshot: a diff against it says so. A new persona imported
-- with its history gets the persona as imported at every move of that history (the file
-- carries no older versions).
--
-- EVENTS. Things worth seeing in History that are not status moves. One kind for now:
-- `edited_after_validation`, a save of a persona whose status was validated or published.
-- Ambiguous in the issue, chosen here: "after validation" means the stored status at the
-- save is validated or published (a published persona was validated too); a save while
-- pending_review is not recorded (the reviewer's diff shows it), nor one of a persona sent
-- back to draft (its validation was cleared by 003). A save that changes nothing writes
-- nothing, so no event. An import that updates a validated persona is a save too.
--
-- (Named review_*, not persona_*: the persona_ prefix is the design's 18 list tables.)
--
-- Both are a record like the status history: never updated, deleted only with their persona
-- or tenant (the cascade runs after that row is gone), except inside the app's own write
-- transaction that holds the grant of 005 (`workflow_grant`).

CREATE TABLE review_snapshots (
    history_id TEXT PRIMARY KEY NOT NULL REFERENCES persona_status_history(id) ON DELETE CASCADE,
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    taken_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    persona_json TEXT NOT NULL CHECK (json_valid(persona_json))
);

CREATE INDEX idx_review_snapshots_persona ON review_snapshots(persona_id, tenant_id);

CREATE TABLE review_events (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(16)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('edited_after_validation')),
    -- The persona's status when it happened.
    status TEXT NOT NULL CHECK (status IN ('draft', 'pending_review', 'validated', 'published', 'archived')),
    changed_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE INDEX idx_review_events_persona ON review_events(persona_id, changed_at);

CREATE TRIGGER review_snapshot_rules_insert
BEFORE INSERT ON review_snapshots
FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM workflow_grant)
BEGIN
    SELECT RAISE(ABORT, 'review_snapshots: snapshots are written by the app with the move they belong to');
END;

CREATE TRIGGER review_snapshot_rules_no_update
BEFORE UPDATE ON review_snapshots
FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM workflow_grant)
BEGIN
    SELECT RAISE(ABORT, 'review_snapshots: snapshots are a record and cannot be changed');
END;

CREATE TRIGGER review_snapshot_rules_no_delete
BEFORE DELETE ON review_snapshots
FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM workflow_grant)
    AND EXISTS (SELECT 1 FROM personas WHERE id = OLD.persona_id)
    AND EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id)
    AND EXISTS (SELECT 1 FROM persona_status_history WHERE id = OLD.history_id)
BEGIN
    SELECT RAISE(ABORT, 'review_snapshots: snapshots are deleted only with their persona');
END;

CREATE TRIGGER review_event_rules_insert
BEFORE INSERT ON review_events
FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM workflow_grant)
BEGIN
    SELECT RAISE(ABORT, 'review_events: events are written by the app with the save they record');
END;

CREATE TRIGGER review_event_rules_no_update
BEFORE UPDATE ON review_events
FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM workflow_grant)
BEGIN
    SELECT RAISE(ABORT, 'review_events: events are a record and cannot be changed');
END;

CREATE TRIGGER review_event_rules_no_delete
BEFORE DELETE ON review_events
FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM workflow_grant)
    AND EXISTS (SELECT 1 FROM personas WHERE id = OLD.persona_id)
    AND EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id)
BEGIN
    SELECT RAISE(ABORT, 'review_events: events are deleted only with their persona');
END;
