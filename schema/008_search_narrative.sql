-- =============================================================================
-- persona-studio — 008_search_narrative.sql
-- Search covers the narrative (long-text) fields of a persona: background story,
-- a day in the life and notes (issue 13). Plain SQL like 001-006.
--
-- An FTS5 table cannot gain columns, so persona_search is dropped and created
-- again with three more columns (before `lists`), its source view gains them,
-- and every persona is indexed again under its existing key (persona_search_key
-- is kept: the FTS rowids stay stable). The 57 sync triggers of 004 are created
-- again with the same names, events and statements, only their column lists
-- grow; the personas UPDATE trigger also fires for the three narrative columns
-- (and still not for the other columns, so version bumps and updated_at do not
-- re-index). A narrative is read from the persona's own row, so the cost of a
-- re-index grows only by the length of its text: no more subqueries.
-- =============================================================================

DROP VIEW persona_search_rows;
DROP VIEW persona_search_source;
DROP TABLE persona_search;

CREATE VIRTUAL TABLE persona_search USING fts5(
    persona_id UNINDEXED,
    tenant_id UNINDEXED,
    name,
    title,
    tagline,
    one_liner,
    role_name,
    function_name,
    department_name,
    background_story,
    a_day_in_the_life,
    notes,
    lists,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- 002's persona_search_source with the narrative columns; `lists` unchanged.
CREATE VIEW persona_search_source AS
SELECT
    p.id AS persona_id,
    p.tenant_id,
    p.name,
    p.title,
    p.tagline,
    p.one_liner,
    p.role_name,
    p.function_name,
    p.department_name,
    p.background_story,
    p.a_day_in_the_life,
    p.notes,
    NULLIF(rtrim(
        ifnull((SELECT group_concat(ifnull(x.pain_point || ' ', '') || ifnull(x.impact_description || ' ', '') || ifnull(x.workaround || ' ', ''), '') FROM persona_pain_points x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.goal_text || ' ', '') || ifnull(x.success_criteria || ' ', ''), '') FROM persona_goals x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.motivation_text || ' ', ''), '') FROM persona_motivations x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.challenge_text || ' ', '') || ifnull(x.current_solution || ' ', ''), '') FROM persona_challenges x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.activity_description || ' ', ''), '') FROM persona_typical_day x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.tool_name || ' ', '') || ifnull(x.tool_category || ' ', ''), '') FROM persona_tools_used x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.stakeholder_role || ' ', '') || ifnull(x.stakeholder_department || ' ', ''), '') FROM persona_stakeholders x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.degree || ' ', '') || ifnull(x.field_of_study || ' ', '') || ifnull(x.institution || ' ', ''), '') FROM persona_education x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.certification_name || ' ', '') || ifnull(x.issuing_organization || ' ', ''), '') FROM persona_certifications x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.metric_name || ' ', '') || ifnull(x.metric_description || ' ', ''), '') FROM persona_success_metrics x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.trigger_description || ' ', ''), '') FROM persona_buying_triggers x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.aspiration_text || ' ', ''), '') FROM persona_aspirations x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.conference_name || ' ', ''), '') FROM persona_annual_conferences x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.topic || ' ', ''), '') FROM persona_publications x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.platform || ' ', '') || ifnull(x.content_focus || ' ', ''), '') FROM persona_social_media x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.citation || ' ', '') || ifnull(x.key_finding || ' ', '') || ifnull(x.methodology || ' ', ''), '') FROM persona_evidence_sources x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.decision_timeframe || ' ', '') || ifnull(x.typical_budget_range || ' ', ''), '') FROM persona_buying_process x WHERE x.persona_id = p.id), '')
     || ifnull((SELECT group_concat(ifnull(x.scoring_notes || ' ', ''), '') FROM persona_vpanes_scoring x WHERE x.persona_id = p.id), '')
    ), '') AS lists
FROM personas p;

-- 004's view, unchanged.
CREATE VIEW persona_search_rows AS
SELECT k.fts_rowid, s.*
FROM persona_search_source s
JOIN persona_search_key k ON k.persona_id = s.persona_id;

-- Every persona indexed again under its key (a persona without one gets one).
INSERT INTO persona_search_key (persona_id) SELECT id FROM personas
WHERE id NOT IN (SELECT persona_id FROM persona_search_key) ORDER BY rowid;
INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
FROM persona_search_rows;

-- The 57 sync triggers of 004 with the new column lists.
DROP TRIGGER persona_search_personas_insert;
CREATE TRIGGER persona_search_personas_insert
AFTER INSERT ON personas FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.id);
END;

DROP TRIGGER persona_search_personas_update;
CREATE TRIGGER persona_search_personas_update
AFTER UPDATE OF id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes ON personas FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.id, NEW.id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.id, NEW.id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.id, NEW.id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.id, NEW.id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.id, NEW.id);
END;

DROP TRIGGER persona_search_personas_delete;
CREATE TRIGGER persona_search_personas_delete
AFTER DELETE ON personas FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.id);
END;

DROP TRIGGER persona_search_persona_pain_points_insert;
CREATE TRIGGER persona_search_persona_pain_points_insert
AFTER INSERT ON persona_pain_points FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_pain_points_update;
CREATE TRIGGER persona_search_persona_pain_points_update
AFTER UPDATE OF persona_id, pain_point, impact_description, workaround ON persona_pain_points FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_pain_points_delete;
CREATE TRIGGER persona_search_persona_pain_points_delete
AFTER DELETE ON persona_pain_points FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_goals_insert;
CREATE TRIGGER persona_search_persona_goals_insert
AFTER INSERT ON persona_goals FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_goals_update;
CREATE TRIGGER persona_search_persona_goals_update
AFTER UPDATE OF persona_id, goal_text, success_criteria ON persona_goals FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_goals_delete;
CREATE TRIGGER persona_search_persona_goals_delete
AFTER DELETE ON persona_goals FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_motivations_insert;
CREATE TRIGGER persona_search_persona_motivations_insert
AFTER INSERT ON persona_motivations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_motivations_update;
CREATE TRIGGER persona_search_persona_motivations_update
AFTER UPDATE OF persona_id, motivation_text ON persona_motivations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_motivations_delete;
CREATE TRIGGER persona_search_persona_motivations_delete
AFTER DELETE ON persona_motivations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_challenges_insert;
CREATE TRIGGER persona_search_persona_challenges_insert
AFTER INSERT ON persona_challenges FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_challenges_update;
CREATE TRIGGER persona_search_persona_challenges_update
AFTER UPDATE OF persona_id, challenge_text, current_solution ON persona_challenges FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_challenges_delete;
CREATE TRIGGER persona_search_persona_challenges_delete
AFTER DELETE ON persona_challenges FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_typical_day_insert;
CREATE TRIGGER persona_search_persona_typical_day_insert
AFTER INSERT ON persona_typical_day FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_typical_day_update;
CREATE TRIGGER persona_search_persona_typical_day_update
AFTER UPDATE OF persona_id, activity_description ON persona_typical_day FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_typical_day_delete;
CREATE TRIGGER persona_search_persona_typical_day_delete
AFTER DELETE ON persona_typical_day FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_tools_used_insert;
CREATE TRIGGER persona_search_persona_tools_used_insert
AFTER INSERT ON persona_tools_used FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_tools_used_update;
CREATE TRIGGER persona_search_persona_tools_used_update
AFTER UPDATE OF persona_id, tool_name, tool_category ON persona_tools_used FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_tools_used_delete;
CREATE TRIGGER persona_search_persona_tools_used_delete
AFTER DELETE ON persona_tools_used FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_stakeholders_insert;
CREATE TRIGGER persona_search_persona_stakeholders_insert
AFTER INSERT ON persona_stakeholders FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_stakeholders_update;
CREATE TRIGGER persona_search_persona_stakeholders_update
AFTER UPDATE OF persona_id, stakeholder_role, stakeholder_department ON persona_stakeholders FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_stakeholders_delete;
CREATE TRIGGER persona_search_persona_stakeholders_delete
AFTER DELETE ON persona_stakeholders FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_education_insert;
CREATE TRIGGER persona_search_persona_education_insert
AFTER INSERT ON persona_education FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_education_update;
CREATE TRIGGER persona_search_persona_education_update
AFTER UPDATE OF persona_id, degree, field_of_study, institution ON persona_education FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_education_delete;
CREATE TRIGGER persona_search_persona_education_delete
AFTER DELETE ON persona_education FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_certifications_insert;
CREATE TRIGGER persona_search_persona_certifications_insert
AFTER INSERT ON persona_certifications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_certifications_update;
CREATE TRIGGER persona_search_persona_certifications_update
AFTER UPDATE OF persona_id, certification_name, issuing_organization ON persona_certifications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_certifications_delete;
CREATE TRIGGER persona_search_persona_certifications_delete
AFTER DELETE ON persona_certifications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_success_metrics_insert;
CREATE TRIGGER persona_search_persona_success_metrics_insert
AFTER INSERT ON persona_success_metrics FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_success_metrics_update;
CREATE TRIGGER persona_search_persona_success_metrics_update
AFTER UPDATE OF persona_id, metric_name, metric_description ON persona_success_metrics FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_success_metrics_delete;
CREATE TRIGGER persona_search_persona_success_metrics_delete
AFTER DELETE ON persona_success_metrics FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_triggers_insert;
CREATE TRIGGER persona_search_persona_buying_triggers_insert
AFTER INSERT ON persona_buying_triggers FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_triggers_update;
CREATE TRIGGER persona_search_persona_buying_triggers_update
AFTER UPDATE OF persona_id, trigger_description ON persona_buying_triggers FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_triggers_delete;
CREATE TRIGGER persona_search_persona_buying_triggers_delete
AFTER DELETE ON persona_buying_triggers FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_aspirations_insert;
CREATE TRIGGER persona_search_persona_aspirations_insert
AFTER INSERT ON persona_aspirations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_aspirations_update;
CREATE TRIGGER persona_search_persona_aspirations_update
AFTER UPDATE OF persona_id, aspiration_text ON persona_aspirations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_aspirations_delete;
CREATE TRIGGER persona_search_persona_aspirations_delete
AFTER DELETE ON persona_aspirations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_annual_conferences_insert;
CREATE TRIGGER persona_search_persona_annual_conferences_insert
AFTER INSERT ON persona_annual_conferences FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_annual_conferences_update;
CREATE TRIGGER persona_search_persona_annual_conferences_update
AFTER UPDATE OF persona_id, conference_name ON persona_annual_conferences FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_annual_conferences_delete;
CREATE TRIGGER persona_search_persona_annual_conferences_delete
AFTER DELETE ON persona_annual_conferences FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_publications_insert;
CREATE TRIGGER persona_search_persona_publications_insert
AFTER INSERT ON persona_publications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_publications_update;
CREATE TRIGGER persona_search_persona_publications_update
AFTER UPDATE OF persona_id, topic ON persona_publications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_publications_delete;
CREATE TRIGGER persona_search_persona_publications_delete
AFTER DELETE ON persona_publications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_social_media_insert;
CREATE TRIGGER persona_search_persona_social_media_insert
AFTER INSERT ON persona_social_media FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_social_media_update;
CREATE TRIGGER persona_search_persona_social_media_update
AFTER UPDATE OF persona_id, platform, content_focus ON persona_social_media FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_social_media_delete;
CREATE TRIGGER persona_search_persona_social_media_delete
AFTER DELETE ON persona_social_media FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_evidence_sources_insert;
CREATE TRIGGER persona_search_persona_evidence_sources_insert
AFTER INSERT ON persona_evidence_sources FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_evidence_sources_update;
CREATE TRIGGER persona_search_persona_evidence_sources_update
AFTER UPDATE OF persona_id, citation, key_finding, methodology ON persona_evidence_sources FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_evidence_sources_delete;
CREATE TRIGGER persona_search_persona_evidence_sources_delete
AFTER DELETE ON persona_evidence_sources FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_process_insert;
CREATE TRIGGER persona_search_persona_buying_process_insert
AFTER INSERT ON persona_buying_process FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_process_update;
CREATE TRIGGER persona_search_persona_buying_process_update
AFTER UPDATE OF persona_id, decision_timeframe, typical_budget_range ON persona_buying_process FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_buying_process_delete;
CREATE TRIGGER persona_search_persona_buying_process_delete
AFTER DELETE ON persona_buying_process FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;

DROP TRIGGER persona_search_persona_vpanes_scoring_insert;
CREATE TRIGGER persona_search_persona_vpanes_scoring_insert
AFTER INSERT ON persona_vpanes_scoring FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_vpanes_scoring_update;
CREATE TRIGGER persona_search_persona_vpanes_scoring_update
AFTER UPDATE OF persona_id, scoring_notes ON persona_vpanes_scoring FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id, NEW.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id, NEW.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

DROP TRIGGER persona_search_persona_vpanes_scoring_delete;
CREATE TRIGGER persona_search_persona_vpanes_scoring_delete
AFTER DELETE ON persona_vpanes_scoring FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE rowid IN (SELECT fts_rowid FROM persona_search_key WHERE persona_id IN (OLD.persona_id));
    INSERT INTO persona_search_key (persona_id) SELECT id FROM personas WHERE id IN (OLD.persona_id) AND id NOT IN (SELECT persona_id FROM persona_search_key);
    DELETE FROM persona_search_key WHERE persona_id IN (OLD.persona_id) AND persona_id NOT IN (SELECT id FROM personas WHERE id IN (OLD.persona_id));
    INSERT INTO persona_search (rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists)
    SELECT fts_rowid, persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, background_story, a_day_in_the_life, notes, lists
    FROM persona_search_rows WHERE persona_id IN (OLD.persona_id);
END;
