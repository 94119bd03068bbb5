-- =============================================================================
-- persona-studio — 004_scale.sql
-- Scale (issue 7): what 100,000 personas need. Not part of the design; plain
-- SQL like 001-003 (no BEGIN/COMMIT, no user_version, no app functions).
--
-- 1. Browser indexes. The browser counts and pages the live personas of a tenant
--    sorted by name (ORDER BY name COLLATE NOCASE, id LIMIT/OFFSET), and lists
--    the distinct function names for its filter. Without these, both scan and
--    sort the whole tenant on every reload (about 300 ms each at 100,000).
--
-- 2. Full-text index maintenance without table scans. In 002 every trigger
--    starts with "DELETE FROM persona_search WHERE persona_id IN (...)", but
--    persona_id is an UNINDEXED FTS5 column, so that DELETE reads the whole
--    index content: about 100 ms per changed row at 100,000 personas, several
--    such rebuilds per save, and imports that grow quadratically.
--    Here each persona gets a stable FTS rowid in persona_search_key (an INTEGER
--    PRIMARY KEY, which VACUUM keeps, unlike the implicit rowid of personas),
--    and the triggers delete by that rowid. Same trigger names, events and
--    meaning as 002; only the statements inside change. The rows still come
--    from persona_search_source, through persona_search_rows, which adds the
--    rowid. A key whose persona no longer exists is removed by the same triggers.
--    Queries are unchanged: persona_search still has persona_id and tenant_id.
--    The key is added with "... AND id NOT IN (SELECT persona_id FROM
--    persona_search_key)", not INSERT OR IGNORE: inside a trigger the outer
--    statement's conflict policy wins (an ON DELETE SET NULL action, an INSERT
--    OR REPLACE), so the triggers never rely on one.
-- =============================================================================

CREATE INDEX idx_personas_browse_name ON personas(tenant_id, deleted_at, name COLLATE NOCASE, id);
CREATE INDEX idx_personas_browse_function ON personas(tenant_id, deleted_at, function_name);

CREATE TABLE persona_search_key (
    fts_rowid INTEGER PRIMARY KEY,
    persona_id TEXT NOT NULL UNIQUE
);

-- persona_search_source with each persona's FTS rowid (personas without a key
-- are not listed: the triggers create the key first).
CREATE VIEW persona_search_rows AS
SELECT k.fts_rowid, s.*
FROM persona_search_source s
JOIN persona_search_key k ON k.persona_id = s.persona_id;

-- Re-index every persona under its new key.
INSERT INTO persona_search_key (persona_id) SELECT id FROM personas ORDER BY rowid;
DELETE FROM persona_search;
INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
FROM persona_search_rows;

-- The 57 sync triggers of 002, re-created with rowid-based statements.
DROP TRIGGER persona_search_personas_insert;
CREATE TRIGGER persona_search_personas_insert
AFTER INSERT ON personas FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.id);
END;

DROP TRIGGER persona_search_personas_update;
CREATE TRIGGER persona_search_personas_update
AFTER UPDATE OF id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name ON personas FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.id, NEW.id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.id, NEW.id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.id, NEW.id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.id, NEW.id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.id, NEW.id);
END;

DROP TRIGGER persona_search_personas_delete;
CREATE TRIGGER persona_search_personas_delete
AFTER DELETE ON personas FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.id);
END;

DROP TRIGGER persona_search_persona_pain_points_insert;
CREATE TRIGGER persona_search_persona_pain_points_insert
AFTER INSERT ON persona_pain_points FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_pain_points_update;
CREATE TRIGGER persona_search_persona_pain_points_update
AFTER UPDATE OF persona_id, pain_point, impact_description, workaround ON persona_pain_points FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_pain_points_delete;
CREATE TRIGGER persona_search_persona_pain_points_delete
AFTER DELETE ON persona_pain_points FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_goals_insert;
CREATE TRIGGER persona_search_persona_goals_insert
AFTER INSERT ON persona_goals FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_goals_update;
CREATE TRIGGER persona_search_persona_goals_update
AFTER UPDATE OF persona_id, goal_text, success_criteria ON persona_goals FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_goals_delete;
CREATE TRIGGER persona_search_persona_goals_delete
AFTER DELETE ON persona_goals FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_motivations_insert;
CREATE TRIGGER persona_search_persona_motivations_insert
AFTER INSERT ON persona_motivations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_motivations_update;
CREATE TRIGGER persona_search_persona_motivations_update
AFTER UPDATE OF persona_id, motivation_text ON persona_motivations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_motivations_delete;
CREATE TRIGGER persona_search_persona_motivations_delete
AFTER DELETE ON persona_motivations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_challenges_insert;
CREATE TRIGGER persona_search_persona_challenges_insert
AFTER INSERT ON persona_challenges FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_challenges_update;
CREATE TRIGGER persona_search_persona_challenges_update
AFTER UPDATE OF persona_id, challenge_text, current_solution ON persona_challenges FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_challenges_delete;
CREATE TRIGGER persona_search_persona_challenges_delete
AFTER DELETE ON persona_challenges FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_typical_day_insert;
CREATE TRIGGER persona_search_persona_typical_day_insert
AFTER INSERT ON persona_typical_day FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_typical_day_update;
CREATE TRIGGER persona_search_persona_typical_day_update
AFTER UPDATE OF persona_id, activity_description ON persona_typical_day FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_typical_day_delete;
CREATE TRIGGER persona_search_persona_typical_day_delete
AFTER DELETE ON persona_typical_day FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_tools_used_insert;
CREATE TRIGGER persona_search_persona_tools_used_insert
AFTER INSERT ON persona_tools_used FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_tools_used_update;
CREATE TRIGGER persona_search_persona_tools_used_update
AFTER UPDATE OF persona_id, tool_name, tool_category ON persona_tools_used FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_tools_used_delete;
CREATE TRIGGER persona_search_persona_tools_used_delete
AFTER DELETE ON persona_tools_used FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_stakeholders_insert;
CREATE TRIGGER persona_search_persona_stakeholders_insert
AFTER INSERT ON persona_stakeholders FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_stakeholders_update;
CREATE TRIGGER persona_search_persona_stakeholders_update
AFTER UPDATE OF persona_id, stakeholder_role, stakeholder_department ON persona_stakeholders FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_stakeholders_delete;
CREATE TRIGGER persona_search_persona_stakeholders_delete
AFTER DELETE ON persona_stakeholders FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_education_insert;
CREATE TRIGGER persona_search_persona_education_insert
AFTER INSERT ON persona_education FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_education_update;
CREATE TRIGGER persona_search_persona_education_update
AFTER UPDATE OF persona_id, degree, field_of_study, institution ON persona_education FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_education_delete;
CREATE TRIGGER persona_search_persona_education_delete
AFTER DELETE ON persona_education FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_certifications_insert;
CREATE TRIGGER persona_search_persona_certifications_insert
AFTER INSERT ON persona_certifications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_certifications_update;
CREATE TRIGGER persona_search_persona_certifications_update
AFTER UPDATE OF persona_id, certification_name, issuing_organization ON persona_certifications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_certifications_delete;
CREATE TRIGGER persona_search_persona_certifications_delete
AFTER DELETE ON persona_certifications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_success_metrics_insert;
CREATE TRIGGER persona_search_persona_success_metrics_insert
AFTER INSERT ON persona_success_metrics FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_success_metrics_update;
CREATE TRIGGER persona_search_persona_success_metrics_update
AFTER UPDATE OF persona_id, metric_name, metric_description ON persona_success_metrics FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_success_metrics_delete;
CREATE TRIGGER persona_search_persona_success_metrics_delete
AFTER DELETE ON persona_success_metrics FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_triggers_insert;
CREATE TRIGGER persona_search_persona_buying_triggers_insert
AFTER INSERT ON persona_buying_triggers FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_triggers_update;
CREATE TRIGGER persona_search_persona_buying_triggers_update
AFTER UPDATE OF persona_id, trigger_description ON persona_buying_triggers FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_triggers_delete;
CREATE TRIGGER persona_search_persona_buying_triggers_delete
AFTER DELETE ON persona_buying_triggers FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_aspirations_insert;
CREATE TRIGGER persona_search_persona_aspirations_insert
AFTER INSERT ON persona_aspirations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_aspirations_update;
CREATE TRIGGER persona_search_persona_aspirations_update
AFTER UPDATE OF persona_id, aspiration_text ON persona_aspirations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_aspirations_delete;
CREATE TRIGGER persona_search_persona_aspirations_delete
AFTER DELETE ON persona_aspirations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_annual_conferences_insert;
CREATE TRIGGER persona_search_persona_annual_conferences_insert
AFTER INSERT ON persona_annual_conferences FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_annual_conferences_update;
CREATE TRIGGER persona_search_persona_annual_conferences_update
AFTER UPDATE OF persona_id, conference_name ON persona_annual_conferences FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_annual_conferences_delete;
CREATE TRIGGER persona_search_persona_annual_conferences_delete
AFTER DELETE ON persona_annual_conferences FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_publications_insert;
CREATE TRIGGER persona_search_persona_publications_insert
AFTER INSERT ON persona_publications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_publications_update;
CREATE TRIGGER persona_search_persona_publications_update
AFTER UPDATE OF persona_id, topic ON persona_publications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_publications_delete;
CREATE TRIGGER persona_search_persona_publications_delete
AFTER DELETE ON persona_publications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_social_media_insert;
CREATE TRIGGER persona_search_persona_social_media_insert
AFTER INSERT ON persona_social_media FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_social_media_update;
CREATE TRIGGER persona_search_persona_social_media_update
AFTER UPDATE OF persona_id, platform, content_focus ON persona_social_media FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_social_media_delete;
CREATE TRIGGER persona_search_persona_social_media_delete
AFTER DELETE ON persona_social_media FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_evidence_sources_insert;
CREATE TRIGGER persona_search_persona_evidence_sources_insert
AFTER INSERT ON persona_evidence_sources FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_evidence_sources_update;
CREATE TRIGGER persona_search_persona_evidence_sources_update
AFTER UPDATE OF persona_id, citation, key_finding, methodology ON persona_evidence_sources FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_evidence_sources_delete;
CREATE TRIGGER persona_search_persona_evidence_sources_delete
AFTER DELETE ON persona_evidence_sources FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_process_insert;
CREATE TRIGGER persona_search_persona_buying_process_insert
AFTER INSERT ON persona_buying_process FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_process_update;
CREATE TRIGGER persona_search_persona_buying_process_update
AFTER UPDATE OF persona_id, decision_timeframe, typical_budget_range ON persona_buying_process FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_process_delete;
CREATE TRIGGER persona_search_persona_buying_process_delete
AFTER DELETE ON persona_buying_process FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_vpanes_scoring_insert;
CREATE TRIGGER persona_search_persona_vpanes_scoring_insert
AFTER INSERT ON persona_vpanes_scoring FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_vpanes_scoring_update;
CREATE TRIGGER persona_search_persona_vpanes_scoring_update
AFTER UPDATE OF persona_id, scoring_notes ON persona_vpanes_scoring FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_vpanes_scoring_delete;
CREATE TRIGGER persona_search_persona_vpanes_scoring_delete
AFTER DELETE ON persona_vpanes_scoring FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;
