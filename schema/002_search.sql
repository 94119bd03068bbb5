-- =============================================================================
-- persona-studio — 002_search.sql
-- Full-text search over personas (FTS5, bundled with the app's SQLite and with
-- the sqlite3 CLI). Not part of the PostgreSQL design: an addition of the port.
-- No BEGIN/COMMIT, no PRAGMA user_version, no IF NOT EXISTS (see 001_core.sql).
--
-- One FTS row per persona (soft-deleted personas included: deleted_at is not
-- looked at here, the application filters on it). persona_id and tenant_id are
-- UNINDEXED: they are carried along to join back and to filter by tenant, but
-- are not searchable words. `lists` is the text of all the persona's list rows
-- (pain points, goals, ... see persona_search_source below), one space apart.
--
-- Example:
--   SELECT s.persona_id FROM persona_search s
--   JOIN personas p ON p.id = s.persona_id
--   WHERE persona_search MATCH 'regulatory' AND s.tenant_id = ? AND p.deleted_at IS NULL
--   ORDER BY rank;
-- =============================================================================

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
    lists,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- -----------------------------------------------------------------------------
-- persona_search_source: the FTS row of every persona, computed from the tables.
-- PORT: SQLite triggers cannot call a shared procedure, so the rebuild logic is
-- written once here as a view and every trigger below runs the same two
-- statements against it:
--     DELETE FROM persona_search WHERE persona_id IN (<affected ids>);
--     INSERT INTO persona_search (...) SELECT ... FROM persona_search_source
--         WHERE persona_id IN (<affected ids>);
-- (The view is flattened by SQLite, so "WHERE persona_id = ?" is a primary-key
-- lookup on personas plus one indexed lookup per list table.)
-- Each list row contributes its non-NULL text columns, each followed by one
-- space; ifnull(col || ' ', '') drops NULL columns, rtrim() removes the final
-- space and NULLIF turns "no list text at all" into NULL.
-- group_concat order is unspecified; it does not matter for matching.
-- -----------------------------------------------------------------------------
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

-- -----------------------------------------------------------------------------
-- Sync triggers on personas.
-- The UPDATE trigger only fires for the indexed columns (and id/tenant_id):
-- the updated_at trigger's own UPDATE, version bumps, etc. do not re-index.
-- The org-name sync of 001 (role_name/function_name/department_name) and the
-- rename propagation do re-index, because they update those columns.
-- All triggers read the row back from the table (not from NEW), so the result
-- does not depend on the order in which SQLite fires the AFTER triggers.
-- A deleted persona's row is removed (ON DELETE CASCADE from tenants included).
-- -----------------------------------------------------------------------------
CREATE TRIGGER persona_search_personas_insert
AFTER INSERT ON personas FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.id);
END;

CREATE TRIGGER persona_search_personas_update
AFTER UPDATE OF id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name ON personas FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.id, NEW.id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.id, NEW.id);
END;

CREATE TRIGGER persona_search_personas_delete
AFTER DELETE ON personas FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id = OLD.id;
END;

-- -----------------------------------------------------------------------------
-- Sync triggers on the 18 list tables: any insert / delete, and any update of
-- persona_id or of a text column that feeds `lists`, rebuilds the persona's row.
-- (When a persona is deleted, its list rows are cascaded after the persona row
-- is gone, so these rebuilds find nothing to insert; the personas delete
-- trigger removes the FTS row.) One row per persona keeps ranking simple; the
-- cost is one rebuild per changed list row, which is small at editor scale.
-- -----------------------------------------------------------------------------
-- persona_pain_points: pain_point, impact_description, workaround
CREATE TRIGGER persona_search_persona_pain_points_insert
AFTER INSERT ON persona_pain_points FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_pain_points_update
AFTER UPDATE OF persona_id, pain_point, impact_description, workaround ON persona_pain_points FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_pain_points_delete
AFTER DELETE ON persona_pain_points FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_goals: goal_text, success_criteria
CREATE TRIGGER persona_search_persona_goals_insert
AFTER INSERT ON persona_goals FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_goals_update
AFTER UPDATE OF persona_id, goal_text, success_criteria ON persona_goals FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_goals_delete
AFTER DELETE ON persona_goals FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_motivations: motivation_text
CREATE TRIGGER persona_search_persona_motivations_insert
AFTER INSERT ON persona_motivations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_motivations_update
AFTER UPDATE OF persona_id, motivation_text ON persona_motivations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_motivations_delete
AFTER DELETE ON persona_motivations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_challenges: challenge_text, current_solution
CREATE TRIGGER persona_search_persona_challenges_insert
AFTER INSERT ON persona_challenges FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_challenges_update
AFTER UPDATE OF persona_id, challenge_text, current_solution ON persona_challenges FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_challenges_delete
AFTER DELETE ON persona_challenges FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_typical_day: activity_description
CREATE TRIGGER persona_search_persona_typical_day_insert
AFTER INSERT ON persona_typical_day FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_typical_day_update
AFTER UPDATE OF persona_id, activity_description ON persona_typical_day FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_typical_day_delete
AFTER DELETE ON persona_typical_day FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_tools_used: tool_name, tool_category
CREATE TRIGGER persona_search_persona_tools_used_insert
AFTER INSERT ON persona_tools_used FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_tools_used_update
AFTER UPDATE OF persona_id, tool_name, tool_category ON persona_tools_used FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_tools_used_delete
AFTER DELETE ON persona_tools_used FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_stakeholders: stakeholder_role, stakeholder_department
CREATE TRIGGER persona_search_persona_stakeholders_insert
AFTER INSERT ON persona_stakeholders FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_stakeholders_update
AFTER UPDATE OF persona_id, stakeholder_role, stakeholder_department ON persona_stakeholders FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_stakeholders_delete
AFTER DELETE ON persona_stakeholders FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_education: degree, field_of_study, institution
CREATE TRIGGER persona_search_persona_education_insert
AFTER INSERT ON persona_education FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_education_update
AFTER UPDATE OF persona_id, degree, field_of_study, institution ON persona_education FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_education_delete
AFTER DELETE ON persona_education FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_certifications: certification_name, issuing_organization
CREATE TRIGGER persona_search_persona_certifications_insert
AFTER INSERT ON persona_certifications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_certifications_update
AFTER UPDATE OF persona_id, certification_name, issuing_organization ON persona_certifications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_certifications_delete
AFTER DELETE ON persona_certifications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_success_metrics: metric_name, metric_description
CREATE TRIGGER persona_search_persona_success_metrics_insert
AFTER INSERT ON persona_success_metrics FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_success_metrics_update
AFTER UPDATE OF persona_id, metric_name, metric_description ON persona_success_metrics FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_success_metrics_delete
AFTER DELETE ON persona_success_metrics FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_buying_triggers: trigger_description
CREATE TRIGGER persona_search_persona_buying_triggers_insert
AFTER INSERT ON persona_buying_triggers FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_buying_triggers_update
AFTER UPDATE OF persona_id, trigger_description ON persona_buying_triggers FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_buying_triggers_delete
AFTER DELETE ON persona_buying_triggers FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_aspirations: aspiration_text
CREATE TRIGGER persona_search_persona_aspirations_insert
AFTER INSERT ON persona_aspirations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_aspirations_update
AFTER UPDATE OF persona_id, aspiration_text ON persona_aspirations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_aspirations_delete
AFTER DELETE ON persona_aspirations FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_annual_conferences: conference_name
CREATE TRIGGER persona_search_persona_annual_conferences_insert
AFTER INSERT ON persona_annual_conferences FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_annual_conferences_update
AFTER UPDATE OF persona_id, conference_name ON persona_annual_conferences FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_annual_conferences_delete
AFTER DELETE ON persona_annual_conferences FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_publications: topic
CREATE TRIGGER persona_search_persona_publications_insert
AFTER INSERT ON persona_publications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_publications_update
AFTER UPDATE OF persona_id, topic ON persona_publications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_publications_delete
AFTER DELETE ON persona_publications FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_social_media: platform, content_focus
CREATE TRIGGER persona_search_persona_social_media_insert
AFTER INSERT ON persona_social_media FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_social_media_update
AFTER UPDATE OF persona_id, platform, content_focus ON persona_social_media FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_social_media_delete
AFTER DELETE ON persona_social_media FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_evidence_sources: citation, key_finding, methodology
CREATE TRIGGER persona_search_persona_evidence_sources_insert
AFTER INSERT ON persona_evidence_sources FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_evidence_sources_update
AFTER UPDATE OF persona_id, citation, key_finding, methodology ON persona_evidence_sources FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_evidence_sources_delete
AFTER DELETE ON persona_evidence_sources FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_buying_process: decision_timeframe, typical_budget_range
CREATE TRIGGER persona_search_persona_buying_process_insert
AFTER INSERT ON persona_buying_process FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_buying_process_update
AFTER UPDATE OF persona_id, decision_timeframe, typical_budget_range ON persona_buying_process FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_buying_process_delete
AFTER DELETE ON persona_buying_process FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- persona_vpanes_scoring: scoring_notes
CREATE TRIGGER persona_search_persona_vpanes_scoring_insert
AFTER INSERT ON persona_vpanes_scoring FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_vpanes_scoring_update
AFTER UPDATE OF persona_id, scoring_notes ON persona_vpanes_scoring FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id, NEW.persona_id);
END;

CREATE TRIGGER persona_search_persona_vpanes_scoring_delete
AFTER DELETE ON persona_vpanes_scoring FOR EACH ROW
BEGIN
    DELETE FROM persona_search WHERE persona_id IN (OLD.persona_id);
    INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
    SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
    FROM persona_search_source WHERE persona_id IN (OLD.persona_id);
END;

-- -----------------------------------------------------------------------------
-- Backfill: index the personas that exist when this migration runs.
-- -----------------------------------------------------------------------------
INSERT INTO persona_search (persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists)
SELECT persona_id, tenant_id, name, title, tagline, one_liner, role_name, function_name, department_name, lists
FROM persona_search_source;
