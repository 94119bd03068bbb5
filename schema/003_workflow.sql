-- Persona Studio schema, migration 3: the review workflow (issue "Review workflow, status
-- history, archetype map and tenants"). Not part of the v4.0.0 design, which defines the
-- validation_status enum but not how a persona moves through it. Plain SQL like 001/002:
-- it works in any SQLite client, and any client that changes a status obeys the same rules
-- and leaves the same history as the app.
--
-- Allowed moves (everything else is refused by the triggers below):
--   draft          -> pending_review
--   pending_review -> validated, draft (sent back by a reviewer)
--   validated      -> published, draft (sent back by a reviewer)
--   published      -> archived
--   archived       -> draft (restored)
-- Setting the status it already has is not a move and is always allowed.
--
-- validated_by / validated_at: moving to validated stamps validated_at (and the app sets
-- validated_by to the acting user in the same UPDATE). Moving on to published or archived
-- KEEPS them: a published persona is still one that somebody validated, and the card shows
-- who. Going back to draft (send back, or restore from the archive) CLEARS them: the
-- persona is being edited again and its old validation no longer vouches for its content.
-- This keeps the design's intent that validated_by/validated_at describe the validation
-- behind the persona's current state.

CREATE TABLE persona_status_history (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,
    -- NULL for the row written when the persona is created.
    from_status TEXT CHECK (from_status IN ('draft', 'pending_review', 'validated', 'published', 'archived')),
    to_status TEXT NOT NULL CHECK (to_status IN ('draft', 'pending_review', 'validated', 'published', 'archived')),
    -- The acting user. The triggers cannot know who is behind a plain SQL client, so they
    -- leave it NULL; the app fills it (and the note) in the same transaction.
    changed_by TEXT REFERENCES users(id) ON DELETE SET NULL,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    note TEXT
);

CREATE INDEX idx_persona_status_history_persona ON persona_status_history(persona_id, changed_at);

-- One trigger per current status, because RAISE takes only a literal message in the
-- SQLite versions this file must run on (3.40): each names the moves allowed from there.
CREATE TRIGGER workflow_from_draft
BEFORE UPDATE OF validation_status ON personas
FOR EACH ROW
WHEN OLD.validation_status = 'draft' AND NEW.validation_status IS NOT 'draft'
     AND NEW.validation_status IS NOT 'pending_review'
BEGIN
    SELECT RAISE(ABORT, 'personas.validation_status: a draft can only move to pending_review');
END;

CREATE TRIGGER workflow_from_pending_review
BEFORE UPDATE OF validation_status ON personas
FOR EACH ROW
WHEN OLD.validation_status = 'pending_review'
     AND NEW.validation_status IS NOT 'pending_review'
     AND NEW.validation_status IS NOT 'validated' AND NEW.validation_status IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'personas.validation_status: pending_review can only move to validated or back to draft');
END;

CREATE TRIGGER workflow_from_validated
BEFORE UPDATE OF validation_status ON personas
FOR EACH ROW
WHEN OLD.validation_status = 'validated'
     AND NEW.validation_status IS NOT 'validated'
     AND NEW.validation_status IS NOT 'published' AND NEW.validation_status IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'personas.validation_status: validated can only move to published or back to draft');
END;

CREATE TRIGGER workflow_from_published
BEFORE UPDATE OF validation_status ON personas
FOR EACH ROW
WHEN OLD.validation_status = 'published'
     AND NEW.validation_status IS NOT 'published' AND NEW.validation_status IS NOT 'archived'
BEGIN
    SELECT RAISE(ABORT, 'personas.validation_status: published can only move to archived');
END;

CREATE TRIGGER workflow_from_archived
BEFORE UPDATE OF validation_status ON personas
FOR EACH ROW
WHEN OLD.validation_status = 'archived'
     AND NEW.validation_status IS NOT 'archived' AND NEW.validation_status IS NOT 'draft'
BEGIN
    SELECT RAISE(ABORT, 'personas.validation_status: archived can only be restored to draft');
END;

-- A persona whose status is NULL (possible: the design's column is nullable) counts as a
-- draft for the workflow.
CREATE TRIGGER workflow_from_null
BEFORE UPDATE OF validation_status ON personas
FOR EACH ROW
WHEN OLD.validation_status IS NULL
     AND NEW.validation_status IS NOT NULL
     AND NEW.validation_status IS NOT 'draft' AND NEW.validation_status IS NOT 'pending_review'
BEGIN
    SELECT RAISE(ABORT, 'personas.validation_status: a draft can only move to pending_review');
END;

-- Every move is recorded.
CREATE TRIGGER workflow_history_on_move
AFTER UPDATE OF validation_status ON personas
FOR EACH ROW
WHEN NEW.validation_status IS NOT OLD.validation_status
BEGIN
    INSERT INTO persona_status_history (persona_id, tenant_id, from_status, to_status)
    VALUES (NEW.id, NEW.tenant_id, OLD.validation_status, coalesce(NEW.validation_status, 'draft'));
END;

-- Creation is recorded too, so the history starts where the persona did.
CREATE TRIGGER workflow_history_on_create
AFTER INSERT ON personas
FOR EACH ROW
BEGIN
    INSERT INTO persona_status_history (persona_id, tenant_id, from_status, to_status)
    VALUES (NEW.id, NEW.tenant_id, NULL, coalesce(NEW.validation_status, 'draft'));
END;

-- Stamps and clears of validated_by / validated_at (see the header for why).
CREATE TRIGGER workflow_stamp_validated
AFTER UPDATE OF validation_status ON personas
FOR EACH ROW
WHEN NEW.validation_status = 'validated' AND OLD.validation_status IS NOT 'validated'
BEGIN
    UPDATE personas SET validated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER workflow_clear_validated
AFTER UPDATE OF validation_status ON personas
FOR EACH ROW
WHEN NEW.validation_status = 'draft' AND OLD.validation_status IS NOT 'draft'
BEGIN
    UPDATE personas SET validated_by = NULL, validated_at = NULL WHERE id = NEW.id;
END;

-- Existing personas get a history row for the status they have now, as if just created.
INSERT INTO persona_status_history (persona_id, tenant_id, from_status, to_status, changed_at)
SELECT id, tenant_id, NULL, coalesce(validation_status, 'draft'), coalesce(created_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
FROM personas;
