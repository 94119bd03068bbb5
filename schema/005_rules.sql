-- 005_rules: the app's rules in the schema, so a plain SQL client cannot write what the app
-- would refuse (issue 12, points 2, 6 and 8).
--
-- SQLite cannot add CHECK constraints to existing tables, so every rule is a BEFORE INSERT or
-- BEFORE UPDATE trigger that aborts with `<table>.<column>: <what is allowed>`; the store
-- reports those as `StoreError::RuleRefused` with that message. The column rules below are
-- generated from the column description (`src/catalog/`), and `tests/issue12_store.rs` holds
-- them to it: one-line text, whole and decimal numbers with their ranges and decimal places,
-- times, slugs and required columns. Enums, lookups and dates already have their CHECKs and
-- foreign keys in 001_core.sql.
--
-- Existing rows are not rewritten: a row that breaks a rule keeps its value, and `check`
-- reports it. The update triggers fire only when a checked column is written (`UPDATE OF`),
-- so soft-deleting, restoring or moving such a persona still works; saving it needs a fix.

-- THE REVIEW RECORD
--
-- The design's intent is that a persona's status is earned through the review workflow and
-- that its history is a record, not a draft. So, for a plain SQL client:
--   * a persona is inserted as a draft (003's triggers then allow only the workflow's moves);
--   * history rows are never updated, and deleted only with their persona (its own deletion
--     cascades, after the persona row is gone).
-- The app itself needs three things plain SQL may not do: the lossless import of a validated
-- or published persona with its history, signing the history row a move's trigger wrote
-- (who, and the note), and `gen`'s bulk insert of personas with their own history.
--
-- The mechanism: the table `workflow_grant`. The app inserts its one row inside its own write
-- transaction, after checking what it writes (an imported history must be a chain of allowed
-- moves: src/store/chain.rs), and deletes it before that transaction commits. No other
-- connection ever sees the row (SQLite's isolation), a crash rolls it back with everything
-- else, and a plain client does not insert into a table named for this by accident. A grant
-- row that was ever committed is reported by `check`.
CREATE TABLE workflow_grant (
    id INTEGER PRIMARY KEY CHECK (id = 1)
);

CREATE TRIGGER rules_personas_insert_as_draft
BEFORE INSERT ON personas
FOR EACH ROW
WHEN coalesce(NEW.validation_status, 'draft') <> 'draft'
    AND NOT EXISTS (SELECT 1 FROM workflow_grant)
BEGIN
    SELECT RAISE(ABORT, 'personas.validation_status: a new persona starts as draft; move it through the review workflow (draft -> pending_review -> validated -> published)');
END;

CREATE TRIGGER rules_history_no_update
BEFORE UPDATE ON persona_status_history
FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM workflow_grant)
BEGIN
    SELECT RAISE(ABORT, 'persona_status_history: history rows are a record and cannot be changed');
END;

-- Deleting the persona, or its tenant, deletes its history (ON DELETE CASCADE runs after the
-- persona or tenant row is gone, so one EXISTS is false then); deleting history of a persona
-- that still exists is refused.
CREATE TRIGGER rules_history_no_delete
BEFORE DELETE ON persona_status_history
FOR EACH ROW
WHEN NOT EXISTS (SELECT 1 FROM workflow_grant)
    AND EXISTS (SELECT 1 FROM personas WHERE id = OLD.persona_id)
    AND EXISTS (SELECT 1 FROM tenants WHERE id = OLD.tenant_id)
BEGIN
    SELECT RAISE(ABORT, 'persona_status_history: history rows are deleted only with their persona');
END;

-- THE COLUMN RULES (generated from src/catalog/; see the header)
--
-- Ambiguous in the design, chosen here: the salary columns are compared only when both are
-- present (a missing bound is no bound), as the editor does; text in a number column is
-- refused outright (SQLite's affinity would keep '12abc' as text); a time is HH:MM on the
-- 24-hour clock, as the editor writes it.

CREATE TRIGGER rules_personas_insert
BEFORE INSERT ON personas
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'personas.name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.name: is required') WHERE NEW.name IS NULL OR trim(NEW.name) = '';
    SELECT RAISE(ABORT, 'personas.slug: lowercase letters, digits and single dashes, 1 to 200 characters') WHERE NEW.slug IS NULL OR NEW.slug = '' OR length(NEW.slug) > 200 OR NEW.slug GLOB '*[^a-z0-9-]*' OR NEW.slug GLOB '-*' OR NEW.slug GLOB '*-' OR NEW.slug GLOB '*--*';
    SELECT RAISE(ABORT, 'personas.title: one line of text, without line breaks, tabs or other control characters') WHERE NEW.title GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.tagline: one line of text, without line breaks, tabs or other control characters') WHERE NEW.tagline GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.one_liner: one line of text, without line breaks, tabs or other control characters') WHERE NEW.one_liner GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.archetype_confidence: a number from 0 to 1 with at most 2 decimals') WHERE NEW.archetype_confidence IS NOT NULL AND (typeof(NEW.archetype_confidence) NOT IN ('integer', 'real') OR NEW.archetype_confidence < 0.0 OR NEW.archetype_confidence > 1.0 OR round(NEW.archetype_confidence, 2) <> NEW.archetype_confidence);
    SELECT RAISE(ABORT, 'personas.work_complexity_score: a number from 0 to 100 with at most 2 decimals') WHERE NEW.work_complexity_score IS NOT NULL AND (typeof(NEW.work_complexity_score) NOT IN ('integer', 'real') OR NEW.work_complexity_score < 0.0 OR NEW.work_complexity_score > 100.0 OR round(NEW.work_complexity_score, 2) <> NEW.work_complexity_score);
    SELECT RAISE(ABORT, 'personas.ai_maturity_score: a number from 0 to 100 with at most 2 decimals') WHERE NEW.ai_maturity_score IS NOT NULL AND (typeof(NEW.ai_maturity_score) NOT IN ('integer', 'real') OR NEW.ai_maturity_score < 0.0 OR NEW.ai_maturity_score > 100.0 OR round(NEW.ai_maturity_score, 2) <> NEW.ai_maturity_score);
    SELECT RAISE(ABORT, 'personas.function_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.function_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.department_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.department_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.role_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.role_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.years_of_experience: a whole number from 0 to 80') WHERE NEW.years_of_experience IS NOT NULL AND (typeof(NEW.years_of_experience) IS NOT 'integer' OR NEW.years_of_experience < 0 OR NEW.years_of_experience > 80);
    SELECT RAISE(ABORT, 'personas.years_in_current_role: a whole number from 0 to 80') WHERE NEW.years_in_current_role IS NOT NULL AND (typeof(NEW.years_in_current_role) IS NOT 'integer' OR NEW.years_in_current_role < 0 OR NEW.years_in_current_role > 80);
    SELECT RAISE(ABORT, 'personas.years_in_industry: a whole number from 0 to 80') WHERE NEW.years_in_industry IS NOT NULL AND (typeof(NEW.years_in_industry) IS NOT 'integer' OR NEW.years_in_industry < 0 OR NEW.years_in_industry > 80);
    SELECT RAISE(ABORT, 'personas.years_in_function: a whole number from 0 to 80') WHERE NEW.years_in_function IS NOT NULL AND (typeof(NEW.years_in_function) IS NOT 'integer' OR NEW.years_in_function < 0 OR NEW.years_in_function > 80);
    SELECT RAISE(ABORT, 'personas.education_level: one line of text, without line breaks, tabs or other control characters') WHERE NEW.education_level GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.organization_type: one line of text, without line breaks, tabs or other control characters') WHERE NEW.organization_type GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.reporting_to: one line of text, without line breaks, tabs or other control characters') WHERE NEW.reporting_to GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.team_size: one line of text, without line breaks, tabs or other control characters') WHERE NEW.team_size GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.team_size_typical: a whole number from 0 to 1000000') WHERE NEW.team_size_typical IS NOT NULL AND (typeof(NEW.team_size_typical) IS NOT 'integer' OR NEW.team_size_typical < 0 OR NEW.team_size_typical > 1000000);
    SELECT RAISE(ABORT, 'personas.direct_reports: a whole number from 0 to 1000000') WHERE NEW.direct_reports IS NOT NULL AND (typeof(NEW.direct_reports) IS NOT 'integer' OR NEW.direct_reports < 0 OR NEW.direct_reports > 1000000);
    SELECT RAISE(ABORT, 'personas.span_of_control: one line of text, without line breaks, tabs or other control characters') WHERE NEW.span_of_control GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.budget_authority: one line of text, without line breaks, tabs or other control characters') WHERE NEW.budget_authority GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.work_style: one line of text, without line breaks, tabs or other control characters') WHERE NEW.work_style GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.work_arrangement: one line of text, without line breaks, tabs or other control characters') WHERE NEW.work_arrangement GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.decision_making_style: one line of text, without line breaks, tabs or other control characters') WHERE NEW.decision_making_style GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.learning_style: one line of text, without line breaks, tabs or other control characters') WHERE NEW.learning_style GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.collaboration_style: one line of text, without line breaks, tabs or other control characters') WHERE NEW.collaboration_style GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.communication_preference: one line of text, without line breaks, tabs or other control characters') WHERE NEW.communication_preference GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.gen_ai_adoption_score: a number from 0 to 100 with at most 2 decimals') WHERE NEW.gen_ai_adoption_score IS NOT NULL AND (typeof(NEW.gen_ai_adoption_score) NOT IN ('integer', 'real') OR NEW.gen_ai_adoption_score < 0.0 OR NEW.gen_ai_adoption_score > 100.0 OR round(NEW.gen_ai_adoption_score, 2) <> NEW.gen_ai_adoption_score);
    SELECT RAISE(ABORT, 'personas.gen_ai_trust_score: a number from 0 to 100 with at most 2 decimals') WHERE NEW.gen_ai_trust_score IS NOT NULL AND (typeof(NEW.gen_ai_trust_score) NOT IN ('integer', 'real') OR NEW.gen_ai_trust_score < 0.0 OR NEW.gen_ai_trust_score > 100.0 OR round(NEW.gen_ai_trust_score, 2) <> NEW.gen_ai_trust_score);
    SELECT RAISE(ABORT, 'personas.gen_ai_usage_frequency: one line of text, without line breaks, tabs or other control characters') WHERE NEW.gen_ai_usage_frequency GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.gen_ai_primary_use_case: one line of text, without line breaks, tabs or other control characters') WHERE NEW.gen_ai_primary_use_case GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.salary_min_usd: a whole number from 0 to 100000000') WHERE NEW.salary_min_usd IS NOT NULL AND (typeof(NEW.salary_min_usd) IS NOT 'integer' OR NEW.salary_min_usd < 0 OR NEW.salary_min_usd > 100000000);
    SELECT RAISE(ABORT, 'personas.salary_max_usd: a whole number from 0 to 100000000') WHERE NEW.salary_max_usd IS NOT NULL AND (typeof(NEW.salary_max_usd) IS NOT 'integer' OR NEW.salary_max_usd < 0 OR NEW.salary_max_usd > 100000000);
    SELECT RAISE(ABORT, 'personas.salary_median_usd: a whole number from 0 to 100000000') WHERE NEW.salary_median_usd IS NOT NULL AND (typeof(NEW.salary_median_usd) IS NOT 'integer' OR NEW.salary_median_usd < 0 OR NEW.salary_median_usd > 100000000);
    SELECT RAISE(ABORT, 'personas.salary_currency: one line of text, without line breaks, tabs or other control characters') WHERE NEW.salary_currency GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.salary_year: a whole number from 1950 to 2100') WHERE NEW.salary_year IS NOT NULL AND (typeof(NEW.salary_year) IS NOT 'integer' OR NEW.salary_year < 1950 OR NEW.salary_year > 2100);
    SELECT RAISE(ABORT, 'personas.salary_sources: one line of text, without line breaks, tabs or other control characters') WHERE NEW.salary_sources GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.sample_size: one line of text, without line breaks, tabs or other control characters') WHERE NEW.sample_size GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.confidence_level: one line of text, without line breaks, tabs or other control characters') WHERE NEW.confidence_level GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.data_recency: one line of text, without line breaks, tabs or other control characters') WHERE NEW.data_recency GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.geographic_benchmark_scope: one line of text, without line breaks, tabs or other control characters') WHERE NEW.geographic_benchmark_scope GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.persona_type: one line of text, without line breaks, tabs or other control characters') WHERE NEW.persona_type GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.persona_number: a whole number from 0 to 1000000000') WHERE NEW.persona_number IS NOT NULL AND (typeof(NEW.persona_number) IS NOT 'integer' OR NEW.persona_number < 0 OR NEW.persona_number > 1000000000);
    SELECT RAISE(ABORT, 'personas.segment: one line of text, without line breaks, tabs or other control characters') WHERE NEW.segment GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.journey_stage: one line of text, without line breaks, tabs or other control characters') WHERE NEW.journey_stage GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.section: one line of text, without line breaks, tabs or other control characters') WHERE NEW.section GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.salary_max_usd: at least salary_min_usd') WHERE NEW.salary_min_usd > NEW.salary_max_usd;
    SELECT RAISE(ABORT, 'personas.salary_median_usd: between salary_min_usd and salary_max_usd') WHERE NEW.salary_median_usd < NEW.salary_min_usd OR NEW.salary_median_usd > NEW.salary_max_usd;
END;

CREATE TRIGGER rules_personas_update
BEFORE UPDATE OF name, slug, title, tagline, one_liner, archetype_confidence, work_complexity_score, ai_maturity_score, function_name, department_name, role_name, years_of_experience, years_in_current_role, years_in_industry, years_in_function, education_level, organization_type, reporting_to, team_size, team_size_typical, direct_reports, span_of_control, budget_authority, work_style, work_arrangement, decision_making_style, learning_style, collaboration_style, communication_preference, gen_ai_adoption_score, gen_ai_trust_score, gen_ai_usage_frequency, gen_ai_primary_use_case, salary_min_usd, salary_max_usd, salary_median_usd, salary_currency, salary_year, salary_sources, sample_size, confidence_level, data_recency, geographic_benchmark_scope, persona_type, persona_number, segment, journey_stage, section ON personas
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'personas.name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.name: is required') WHERE NEW.name IS NULL OR trim(NEW.name) = '';
    SELECT RAISE(ABORT, 'personas.slug: lowercase letters, digits and single dashes, 1 to 200 characters') WHERE NEW.slug IS NULL OR NEW.slug = '' OR length(NEW.slug) > 200 OR NEW.slug GLOB '*[^a-z0-9-]*' OR NEW.slug GLOB '-*' OR NEW.slug GLOB '*-' OR NEW.slug GLOB '*--*';
    SELECT RAISE(ABORT, 'personas.title: one line of text, without line breaks, tabs or other control characters') WHERE NEW.title GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.tagline: one line of text, without line breaks, tabs or other control characters') WHERE NEW.tagline GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.one_liner: one line of text, without line breaks, tabs or other control characters') WHERE NEW.one_liner GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.archetype_confidence: a number from 0 to 1 with at most 2 decimals') WHERE NEW.archetype_confidence IS NOT NULL AND (typeof(NEW.archetype_confidence) NOT IN ('integer', 'real') OR NEW.archetype_confidence < 0.0 OR NEW.archetype_confidence > 1.0 OR round(NEW.archetype_confidence, 2) <> NEW.archetype_confidence);
    SELECT RAISE(ABORT, 'personas.work_complexity_score: a number from 0 to 100 with at most 2 decimals') WHERE NEW.work_complexity_score IS NOT NULL AND (typeof(NEW.work_complexity_score) NOT IN ('integer', 'real') OR NEW.work_complexity_score < 0.0 OR NEW.work_complexity_score > 100.0 OR round(NEW.work_complexity_score, 2) <> NEW.work_complexity_score);
    SELECT RAISE(ABORT, 'personas.ai_maturity_score: a number from 0 to 100 with at most 2 decimals') WHERE NEW.ai_maturity_score IS NOT NULL AND (typeof(NEW.ai_maturity_score) NOT IN ('integer', 'real') OR NEW.ai_maturity_score < 0.0 OR NEW.ai_maturity_score > 100.0 OR round(NEW.ai_maturity_score, 2) <> NEW.ai_maturity_score);
    SELECT RAISE(ABORT, 'personas.function_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.function_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.department_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.department_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.role_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.role_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.years_of_experience: a whole number from 0 to 80') WHERE NEW.years_of_experience IS NOT NULL AND (typeof(NEW.years_of_experience) IS NOT 'integer' OR NEW.years_of_experience < 0 OR NEW.years_of_experience > 80);
    SELECT RAISE(ABORT, 'personas.years_in_current_role: a whole number from 0 to 80') WHERE NEW.years_in_current_role IS NOT NULL AND (typeof(NEW.years_in_current_role) IS NOT 'integer' OR NEW.years_in_current_role < 0 OR NEW.years_in_current_role > 80);
    SELECT RAISE(ABORT, 'personas.years_in_industry: a whole number from 0 to 80') WHERE NEW.years_in_industry IS NOT NULL AND (typeof(NEW.years_in_industry) IS NOT 'integer' OR NEW.years_in_industry < 0 OR NEW.years_in_industry > 80);
    SELECT RAISE(ABORT, 'personas.years_in_function: a whole number from 0 to 80') WHERE NEW.years_in_function IS NOT NULL AND (typeof(NEW.years_in_function) IS NOT 'integer' OR NEW.years_in_function < 0 OR NEW.years_in_function > 80);
    SELECT RAISE(ABORT, 'personas.education_level: one line of text, without line breaks, tabs or other control characters') WHERE NEW.education_level GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.organization_type: one line of text, without line breaks, tabs or other control characters') WHERE NEW.organization_type GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.reporting_to: one line of text, without line breaks, tabs or other control characters') WHERE NEW.reporting_to GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.team_size: one line of text, without line breaks, tabs or other control characters') WHERE NEW.team_size GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.team_size_typical: a whole number from 0 to 1000000') WHERE NEW.team_size_typical IS NOT NULL AND (typeof(NEW.team_size_typical) IS NOT 'integer' OR NEW.team_size_typical < 0 OR NEW.team_size_typical > 1000000);
    SELECT RAISE(ABORT, 'personas.direct_reports: a whole number from 0 to 1000000') WHERE NEW.direct_reports IS NOT NULL AND (typeof(NEW.direct_reports) IS NOT 'integer' OR NEW.direct_reports < 0 OR NEW.direct_reports > 1000000);
    SELECT RAISE(ABORT, 'personas.span_of_control: one line of text, without line breaks, tabs or other control characters') WHERE NEW.span_of_control GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.budget_authority: one line of text, without line breaks, tabs or other control characters') WHERE NEW.budget_authority GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.work_style: one line of text, without line breaks, tabs or other control characters') WHERE NEW.work_style GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.work_arrangement: one line of text, without line breaks, tabs or other control characters') WHERE NEW.work_arrangement GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.decision_making_style: one line of text, without line breaks, tabs or other control characters') WHERE NEW.decision_making_style GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.learning_style: one line of text, without line breaks, tabs or other control characters') WHERE NEW.learning_style GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.collaboration_style: one line of text, without line breaks, tabs or other control characters') WHERE NEW.collaboration_style GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.communication_preference: one line of text, without line breaks, tabs or other control characters') WHERE NEW.communication_preference GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.gen_ai_adoption_score: a number from 0 to 100 with at most 2 decimals') WHERE NEW.gen_ai_adoption_score IS NOT NULL AND (typeof(NEW.gen_ai_adoption_score) NOT IN ('integer', 'real') OR NEW.gen_ai_adoption_score < 0.0 OR NEW.gen_ai_adoption_score > 100.0 OR round(NEW.gen_ai_adoption_score, 2) <> NEW.gen_ai_adoption_score);
    SELECT RAISE(ABORT, 'personas.gen_ai_trust_score: a number from 0 to 100 with at most 2 decimals') WHERE NEW.gen_ai_trust_score IS NOT NULL AND (typeof(NEW.gen_ai_trust_score) NOT IN ('integer', 'real') OR NEW.gen_ai_trust_score < 0.0 OR NEW.gen_ai_trust_score > 100.0 OR round(NEW.gen_ai_trust_score, 2) <> NEW.gen_ai_trust_score);
    SELECT RAISE(ABORT, 'personas.gen_ai_usage_frequency: one line of text, without line breaks, tabs or other control characters') WHERE NEW.gen_ai_usage_frequency GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.gen_ai_primary_use_case: one line of text, without line breaks, tabs or other control characters') WHERE NEW.gen_ai_primary_use_case GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.salary_min_usd: a whole number from 0 to 100000000') WHERE NEW.salary_min_usd IS NOT NULL AND (typeof(NEW.salary_min_usd) IS NOT 'integer' OR NEW.salary_min_usd < 0 OR NEW.salary_min_usd > 100000000);
    SELECT RAISE(ABORT, 'personas.salary_max_usd: a whole number from 0 to 100000000') WHERE NEW.salary_max_usd IS NOT NULL AND (typeof(NEW.salary_max_usd) IS NOT 'integer' OR NEW.salary_max_usd < 0 OR NEW.salary_max_usd > 100000000);
    SELECT RAISE(ABORT, 'personas.salary_median_usd: a whole number from 0 to 100000000') WHERE NEW.salary_median_usd IS NOT NULL AND (typeof(NEW.salary_median_usd) IS NOT 'integer' OR NEW.salary_median_usd < 0 OR NEW.salary_median_usd > 100000000);
    SELECT RAISE(ABORT, 'personas.salary_currency: one line of text, without line breaks, tabs or other control characters') WHERE NEW.salary_currency GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.salary_year: a whole number from 1950 to 2100') WHERE NEW.salary_year IS NOT NULL AND (typeof(NEW.salary_year) IS NOT 'integer' OR NEW.salary_year < 1950 OR NEW.salary_year > 2100);
    SELECT RAISE(ABORT, 'personas.salary_sources: one line of text, without line breaks, tabs or other control characters') WHERE NEW.salary_sources GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.sample_size: one line of text, without line breaks, tabs or other control characters') WHERE NEW.sample_size GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.confidence_level: one line of text, without line breaks, tabs or other control characters') WHERE NEW.confidence_level GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.data_recency: one line of text, without line breaks, tabs or other control characters') WHERE NEW.data_recency GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.geographic_benchmark_scope: one line of text, without line breaks, tabs or other control characters') WHERE NEW.geographic_benchmark_scope GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.persona_type: one line of text, without line breaks, tabs or other control characters') WHERE NEW.persona_type GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.persona_number: a whole number from 0 to 1000000000') WHERE NEW.persona_number IS NOT NULL AND (typeof(NEW.persona_number) IS NOT 'integer' OR NEW.persona_number < 0 OR NEW.persona_number > 1000000000);
    SELECT RAISE(ABORT, 'personas.segment: one line of text, without line breaks, tabs or other control characters') WHERE NEW.segment GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.journey_stage: one line of text, without line breaks, tabs or other control characters') WHERE NEW.journey_stage GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.section: one line of text, without line breaks, tabs or other control characters') WHERE NEW.section GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'personas.salary_max_usd: at least salary_min_usd') WHERE NEW.salary_min_usd > NEW.salary_max_usd;
    SELECT RAISE(ABORT, 'personas.salary_median_usd: between salary_min_usd and salary_max_usd') WHERE NEW.salary_median_usd < NEW.salary_min_usd OR NEW.salary_median_usd > NEW.salary_max_usd;
END;

CREATE TRIGGER rules_persona_pain_points_insert
BEFORE INSERT ON persona_pain_points
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_pain_points.pain_point: one line of text, without line breaks, tabs or other control characters') WHERE NEW.pain_point GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_pain_points.pain_point: is required') WHERE NEW.pain_point IS NULL OR trim(NEW.pain_point) = '';
END;

CREATE TRIGGER rules_persona_pain_points_update
BEFORE UPDATE OF pain_point ON persona_pain_points
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_pain_points.pain_point: one line of text, without line breaks, tabs or other control characters') WHERE NEW.pain_point GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_pain_points.pain_point: is required') WHERE NEW.pain_point IS NULL OR trim(NEW.pain_point) = '';
END;

CREATE TRIGGER rules_persona_goals_insert
BEFORE INSERT ON persona_goals
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_goals.goal_text: one line of text, without line breaks, tabs or other control characters') WHERE NEW.goal_text GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_goals.goal_text: is required') WHERE NEW.goal_text IS NULL OR trim(NEW.goal_text) = '';
END;

CREATE TRIGGER rules_persona_goals_update
BEFORE UPDATE OF goal_text ON persona_goals
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_goals.goal_text: one line of text, without line breaks, tabs or other control characters') WHERE NEW.goal_text GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_goals.goal_text: is required') WHERE NEW.goal_text IS NULL OR trim(NEW.goal_text) = '';
END;

CREATE TRIGGER rules_persona_motivations_insert
BEFORE INSERT ON persona_motivations
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_motivations.motivation_text: one line of text, without line breaks, tabs or other control characters') WHERE NEW.motivation_text GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_motivations.motivation_text: is required') WHERE NEW.motivation_text IS NULL OR trim(NEW.motivation_text) = '';
END;

CREATE TRIGGER rules_persona_motivations_update
BEFORE UPDATE OF motivation_text ON persona_motivations
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_motivations.motivation_text: one line of text, without line breaks, tabs or other control characters') WHERE NEW.motivation_text GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_motivations.motivation_text: is required') WHERE NEW.motivation_text IS NULL OR trim(NEW.motivation_text) = '';
END;

CREATE TRIGGER rules_persona_challenges_insert
BEFORE INSERT ON persona_challenges
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_challenges.challenge_text: one line of text, without line breaks, tabs or other control characters') WHERE NEW.challenge_text GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_challenges.challenge_text: is required') WHERE NEW.challenge_text IS NULL OR trim(NEW.challenge_text) = '';
END;

CREATE TRIGGER rules_persona_challenges_update
BEFORE UPDATE OF challenge_text ON persona_challenges
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_challenges.challenge_text: one line of text, without line breaks, tabs or other control characters') WHERE NEW.challenge_text GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_challenges.challenge_text: is required') WHERE NEW.challenge_text IS NULL OR trim(NEW.challenge_text) = '';
END;

CREATE TRIGGER rules_persona_typical_day_insert
BEFORE INSERT ON persona_typical_day
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_typical_day.time_slot: a time as HH:MM (00:00 to 23:59)') WHERE NEW.time_slot IS NOT NULL AND NOT (NEW.time_slot GLOB '[0-2][0-9]:[0-5][0-9]' AND substr(NEW.time_slot, 1, 2) < '24');
    SELECT RAISE(ABORT, 'persona_typical_day.time_slot: is required') WHERE NEW.time_slot IS NULL OR trim(NEW.time_slot) = '';
    SELECT RAISE(ABORT, 'persona_typical_day.activity_description: one line of text, without line breaks, tabs or other control characters') WHERE NEW.activity_description GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_typical_day.activity_description: is required') WHERE NEW.activity_description IS NULL OR trim(NEW.activity_description) = '';
    SELECT RAISE(ABORT, 'persona_typical_day.duration_minutes: a whole number from 0 to 1440') WHERE NEW.duration_minutes IS NOT NULL AND (typeof(NEW.duration_minutes) IS NOT 'integer' OR NEW.duration_minutes < 0 OR NEW.duration_minutes > 1440);
END;

CREATE TRIGGER rules_persona_typical_day_update
BEFORE UPDATE OF time_slot, activity_description, duration_minutes ON persona_typical_day
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_typical_day.time_slot: a time as HH:MM (00:00 to 23:59)') WHERE NEW.time_slot IS NOT NULL AND NOT (NEW.time_slot GLOB '[0-2][0-9]:[0-5][0-9]' AND substr(NEW.time_slot, 1, 2) < '24');
    SELECT RAISE(ABORT, 'persona_typical_day.time_slot: is required') WHERE NEW.time_slot IS NULL OR trim(NEW.time_slot) = '';
    SELECT RAISE(ABORT, 'persona_typical_day.activity_description: one line of text, without line breaks, tabs or other control characters') WHERE NEW.activity_description GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_typical_day.activity_description: is required') WHERE NEW.activity_description IS NULL OR trim(NEW.activity_description) = '';
    SELECT RAISE(ABORT, 'persona_typical_day.duration_minutes: a whole number from 0 to 1440') WHERE NEW.duration_minutes IS NOT NULL AND (typeof(NEW.duration_minutes) IS NOT 'integer' OR NEW.duration_minutes < 0 OR NEW.duration_minutes > 1440);
END;

CREATE TRIGGER rules_persona_tools_used_insert
BEFORE INSERT ON persona_tools_used
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_tools_used.tool_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.tool_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_tools_used.tool_name: is required') WHERE NEW.tool_name IS NULL OR trim(NEW.tool_name) = '';
    SELECT RAISE(ABORT, 'persona_tools_used.tool_category: one line of text, without line breaks, tabs or other control characters') WHERE NEW.tool_category GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_tools_used.satisfaction_score: a number from 0 to 5 with at most 1 decimal') WHERE NEW.satisfaction_score IS NOT NULL AND (typeof(NEW.satisfaction_score) NOT IN ('integer', 'real') OR NEW.satisfaction_score < 0.0 OR NEW.satisfaction_score > 5.0 OR round(NEW.satisfaction_score, 1) <> NEW.satisfaction_score);
END;

CREATE TRIGGER rules_persona_tools_used_update
BEFORE UPDATE OF tool_name, tool_category, satisfaction_score ON persona_tools_used
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_tools_used.tool_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.tool_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_tools_used.tool_name: is required') WHERE NEW.tool_name IS NULL OR trim(NEW.tool_name) = '';
    SELECT RAISE(ABORT, 'persona_tools_used.tool_category: one line of text, without line breaks, tabs or other control characters') WHERE NEW.tool_category GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_tools_used.satisfaction_score: a number from 0 to 5 with at most 1 decimal') WHERE NEW.satisfaction_score IS NOT NULL AND (typeof(NEW.satisfaction_score) NOT IN ('integer', 'real') OR NEW.satisfaction_score < 0.0 OR NEW.satisfaction_score > 5.0 OR round(NEW.satisfaction_score, 1) <> NEW.satisfaction_score);
END;

CREATE TRIGGER rules_persona_stakeholders_insert
BEFORE INSERT ON persona_stakeholders
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_stakeholders.stakeholder_role: one line of text, without line breaks, tabs or other control characters') WHERE NEW.stakeholder_role GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_stakeholders.stakeholder_role: is required') WHERE NEW.stakeholder_role IS NULL OR trim(NEW.stakeholder_role) = '';
    SELECT RAISE(ABORT, 'persona_stakeholders.stakeholder_department: one line of text, without line breaks, tabs or other control characters') WHERE NEW.stakeholder_department GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
END;

CREATE TRIGGER rules_persona_stakeholders_update
BEFORE UPDATE OF stakeholder_role, stakeholder_department ON persona_stakeholders
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_stakeholders.stakeholder_role: one line of text, without line breaks, tabs or other control characters') WHERE NEW.stakeholder_role GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_stakeholders.stakeholder_role: is required') WHERE NEW.stakeholder_role IS NULL OR trim(NEW.stakeholder_role) = '';
    SELECT RAISE(ABORT, 'persona_stakeholders.stakeholder_department: one line of text, without line breaks, tabs or other control characters') WHERE NEW.stakeholder_department GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
END;

CREATE TRIGGER rules_persona_vpanes_scoring_insert
BEFORE INSERT ON persona_vpanes_scoring
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.visibility: a number from 0 to 10 with at most 1 decimal') WHERE NEW.visibility IS NOT NULL AND (typeof(NEW.visibility) NOT IN ('integer', 'real') OR NEW.visibility < 0.0 OR NEW.visibility > 10.0 OR round(NEW.visibility, 1) <> NEW.visibility);
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.pain: a number from 0 to 10 with at most 1 decimal') WHERE NEW.pain IS NOT NULL AND (typeof(NEW.pain) NOT IN ('integer', 'real') OR NEW.pain < 0.0 OR NEW.pain > 10.0 OR round(NEW.pain, 1) <> NEW.pain);
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.actions: a number from 0 to 10 with at most 1 decimal') WHERE NEW.actions IS NOT NULL AND (typeof(NEW.actions) NOT IN ('integer', 'real') OR NEW.actions < 0.0 OR NEW.actions > 10.0 OR round(NEW.actions, 1) <> NEW.actions);
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.needs: a number from 0 to 10 with at most 1 decimal') WHERE NEW.needs IS NOT NULL AND (typeof(NEW.needs) NOT IN ('integer', 'real') OR NEW.needs < 0.0 OR NEW.needs > 10.0 OR round(NEW.needs, 1) <> NEW.needs);
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.emotions: a number from 0 to 10 with at most 1 decimal') WHERE NEW.emotions IS NOT NULL AND (typeof(NEW.emotions) NOT IN ('integer', 'real') OR NEW.emotions < 0.0 OR NEW.emotions > 10.0 OR round(NEW.emotions, 1) <> NEW.emotions);
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.scenarios: a number from 0 to 10 with at most 1 decimal') WHERE NEW.scenarios IS NOT NULL AND (typeof(NEW.scenarios) NOT IN ('integer', 'real') OR NEW.scenarios < 0.0 OR NEW.scenarios > 10.0 OR round(NEW.scenarios, 1) <> NEW.scenarios);
END;

CREATE TRIGGER rules_persona_vpanes_scoring_update
BEFORE UPDATE OF visibility, pain, actions, needs, emotions, scenarios ON persona_vpanes_scoring
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.visibility: a number from 0 to 10 with at most 1 decimal') WHERE NEW.visibility IS NOT NULL AND (typeof(NEW.visibility) NOT IN ('integer', 'real') OR NEW.visibility < 0.0 OR NEW.visibility > 10.0 OR round(NEW.visibility, 1) <> NEW.visibility);
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.pain: a number from 0 to 10 with at most 1 decimal') WHERE NEW.pain IS NOT NULL AND (typeof(NEW.pain) NOT IN ('integer', 'real') OR NEW.pain < 0.0 OR NEW.pain > 10.0 OR round(NEW.pain, 1) <> NEW.pain);
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.actions: a number from 0 to 10 with at most 1 decimal') WHERE NEW.actions IS NOT NULL AND (typeof(NEW.actions) NOT IN ('integer', 'real') OR NEW.actions < 0.0 OR NEW.actions > 10.0 OR round(NEW.actions, 1) <> NEW.actions);
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.needs: a number from 0 to 10 with at most 1 decimal') WHERE NEW.needs IS NOT NULL AND (typeof(NEW.needs) NOT IN ('integer', 'real') OR NEW.needs < 0.0 OR NEW.needs > 10.0 OR round(NEW.needs, 1) <> NEW.needs);
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.emotions: a number from 0 to 10 with at most 1 decimal') WHERE NEW.emotions IS NOT NULL AND (typeof(NEW.emotions) NOT IN ('integer', 'real') OR NEW.emotions < 0.0 OR NEW.emotions > 10.0 OR round(NEW.emotions, 1) <> NEW.emotions);
    SELECT RAISE(ABORT, 'persona_vpanes_scoring.scenarios: a number from 0 to 10 with at most 1 decimal') WHERE NEW.scenarios IS NOT NULL AND (typeof(NEW.scenarios) NOT IN ('integer', 'real') OR NEW.scenarios < 0.0 OR NEW.scenarios > 10.0 OR round(NEW.scenarios, 1) <> NEW.scenarios);
END;

CREATE TRIGGER rules_persona_education_insert
BEFORE INSERT ON persona_education
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_education.degree: one line of text, without line breaks, tabs or other control characters') WHERE NEW.degree GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_education.degree: is required') WHERE NEW.degree IS NULL OR trim(NEW.degree) = '';
    SELECT RAISE(ABORT, 'persona_education.field_of_study: one line of text, without line breaks, tabs or other control characters') WHERE NEW.field_of_study GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_education.field_of_study: is required') WHERE NEW.field_of_study IS NULL OR trim(NEW.field_of_study) = '';
    SELECT RAISE(ABORT, 'persona_education.institution: one line of text, without line breaks, tabs or other control characters') WHERE NEW.institution GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_education.institution: is required') WHERE NEW.institution IS NULL OR trim(NEW.institution) = '';
    SELECT RAISE(ABORT, 'persona_education.year_completed: a whole number from 1950 to 2030') WHERE NEW.year_completed IS NOT NULL AND (typeof(NEW.year_completed) IS NOT 'integer' OR NEW.year_completed < 1950 OR NEW.year_completed > 2030);
END;

CREATE TRIGGER rules_persona_education_update
BEFORE UPDATE OF degree, field_of_study, institution, year_completed ON persona_education
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_education.degree: one line of text, without line breaks, tabs or other control characters') WHERE NEW.degree GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_education.degree: is required') WHERE NEW.degree IS NULL OR trim(NEW.degree) = '';
    SELECT RAISE(ABORT, 'persona_education.field_of_study: one line of text, without line breaks, tabs or other control characters') WHERE NEW.field_of_study GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_education.field_of_study: is required') WHERE NEW.field_of_study IS NULL OR trim(NEW.field_of_study) = '';
    SELECT RAISE(ABORT, 'persona_education.institution: one line of text, without line breaks, tabs or other control characters') WHERE NEW.institution GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_education.institution: is required') WHERE NEW.institution IS NULL OR trim(NEW.institution) = '';
    SELECT RAISE(ABORT, 'persona_education.year_completed: a whole number from 1950 to 2030') WHERE NEW.year_completed IS NOT NULL AND (typeof(NEW.year_completed) IS NOT 'integer' OR NEW.year_completed < 1950 OR NEW.year_completed > 2030);
END;

CREATE TRIGGER rules_persona_certifications_insert
BEFORE INSERT ON persona_certifications
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_certifications.certification_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.certification_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_certifications.certification_name: is required') WHERE NEW.certification_name IS NULL OR trim(NEW.certification_name) = '';
    SELECT RAISE(ABORT, 'persona_certifications.issuing_organization: one line of text, without line breaks, tabs or other control characters') WHERE NEW.issuing_organization GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_certifications.issuing_organization: is required') WHERE NEW.issuing_organization IS NULL OR trim(NEW.issuing_organization) = '';
    SELECT RAISE(ABORT, 'persona_certifications.year_obtained: a whole number from 1950 to 2030') WHERE NEW.year_obtained IS NOT NULL AND (typeof(NEW.year_obtained) IS NOT 'integer' OR NEW.year_obtained < 1950 OR NEW.year_obtained > 2030);
END;

CREATE TRIGGER rules_persona_certifications_update
BEFORE UPDATE OF certification_name, issuing_organization, year_obtained ON persona_certifications
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_certifications.certification_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.certification_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_certifications.certification_name: is required') WHERE NEW.certification_name IS NULL OR trim(NEW.certification_name) = '';
    SELECT RAISE(ABORT, 'persona_certifications.issuing_organization: one line of text, without line breaks, tabs or other control characters') WHERE NEW.issuing_organization GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_certifications.issuing_organization: is required') WHERE NEW.issuing_organization IS NULL OR trim(NEW.issuing_organization) = '';
    SELECT RAISE(ABORT, 'persona_certifications.year_obtained: a whole number from 1950 to 2030') WHERE NEW.year_obtained IS NOT NULL AND (typeof(NEW.year_obtained) IS NOT 'integer' OR NEW.year_obtained < 1950 OR NEW.year_obtained > 2030);
END;

CREATE TRIGGER rules_persona_success_metrics_insert
BEFORE INSERT ON persona_success_metrics
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_success_metrics.metric_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.metric_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_success_metrics.metric_name: is required') WHERE NEW.metric_name IS NULL OR trim(NEW.metric_name) = '';
    SELECT RAISE(ABORT, 'persona_success_metrics.metric_description: is required') WHERE NEW.metric_description IS NULL OR trim(NEW.metric_description) = '';
END;

CREATE TRIGGER rules_persona_success_metrics_update
BEFORE UPDATE OF metric_name, metric_description ON persona_success_metrics
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_success_metrics.metric_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.metric_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_success_metrics.metric_name: is required') WHERE NEW.metric_name IS NULL OR trim(NEW.metric_name) = '';
    SELECT RAISE(ABORT, 'persona_success_metrics.metric_description: is required') WHERE NEW.metric_description IS NULL OR trim(NEW.metric_description) = '';
END;

CREATE TRIGGER rules_persona_buying_process_insert
BEFORE INSERT ON persona_buying_process
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_buying_process.decision_timeframe: one line of text, without line breaks, tabs or other control characters') WHERE NEW.decision_timeframe GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_buying_process.typical_budget_range: one line of text, without line breaks, tabs or other control characters') WHERE NEW.typical_budget_range GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
END;

CREATE TRIGGER rules_persona_buying_process_update
BEFORE UPDATE OF decision_timeframe, typical_budget_range ON persona_buying_process
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_buying_process.decision_timeframe: one line of text, without line breaks, tabs or other control characters') WHERE NEW.decision_timeframe GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_buying_process.typical_budget_range: one line of text, without line breaks, tabs or other control characters') WHERE NEW.typical_budget_range GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
END;

CREATE TRIGGER rules_persona_buying_triggers_insert
BEFORE INSERT ON persona_buying_triggers
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_buying_triggers.trigger_description: is required') WHERE NEW.trigger_description IS NULL OR trim(NEW.trigger_description) = '';
END;

CREATE TRIGGER rules_persona_buying_triggers_update
BEFORE UPDATE OF trigger_description ON persona_buying_triggers
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_buying_triggers.trigger_description: is required') WHERE NEW.trigger_description IS NULL OR trim(NEW.trigger_description) = '';
END;

CREATE TRIGGER rules_persona_aspirations_insert
BEFORE INSERT ON persona_aspirations
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_aspirations.aspiration_text: one line of text, without line breaks, tabs or other control characters') WHERE NEW.aspiration_text GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_aspirations.aspiration_text: is required') WHERE NEW.aspiration_text IS NULL OR trim(NEW.aspiration_text) = '';
END;

CREATE TRIGGER rules_persona_aspirations_update
BEFORE UPDATE OF aspiration_text ON persona_aspirations
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_aspirations.aspiration_text: one line of text, without line breaks, tabs or other control characters') WHERE NEW.aspiration_text GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_aspirations.aspiration_text: is required') WHERE NEW.aspiration_text IS NULL OR trim(NEW.aspiration_text) = '';
END;

CREATE TRIGGER rules_persona_annual_conferences_insert
BEFORE INSERT ON persona_annual_conferences
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_annual_conferences.conference_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.conference_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_annual_conferences.conference_name: is required') WHERE NEW.conference_name IS NULL OR trim(NEW.conference_name) = '';
END;

CREATE TRIGGER rules_persona_annual_conferences_update
BEFORE UPDATE OF conference_name ON persona_annual_conferences
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_annual_conferences.conference_name: one line of text, without line breaks, tabs or other control characters') WHERE NEW.conference_name GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_annual_conferences.conference_name: is required') WHERE NEW.conference_name IS NULL OR trim(NEW.conference_name) = '';
END;

CREATE TRIGGER rules_persona_publications_insert
BEFORE INSERT ON persona_publications
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_publications.topic: one line of text, without line breaks, tabs or other control characters') WHERE NEW.topic GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_publications.topic: is required') WHERE NEW.topic IS NULL OR trim(NEW.topic) = '';
    SELECT RAISE(ABORT, 'persona_publications.year: a whole number from 1900 to 2100') WHERE NEW.year IS NOT NULL AND (typeof(NEW.year) IS NOT 'integer' OR NEW.year < 1900 OR NEW.year > 2100);
    SELECT RAISE(ABORT, 'persona_publications.frequency_per_year: a whole number from 0 to 10000') WHERE NEW.frequency_per_year IS NOT NULL AND (typeof(NEW.frequency_per_year) IS NOT 'integer' OR NEW.frequency_per_year < 0 OR NEW.frequency_per_year > 10000);
END;

CREATE TRIGGER rules_persona_publications_update
BEFORE UPDATE OF topic, year, frequency_per_year ON persona_publications
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_publications.topic: one line of text, without line breaks, tabs or other control characters') WHERE NEW.topic GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_publications.topic: is required') WHERE NEW.topic IS NULL OR trim(NEW.topic) = '';
    SELECT RAISE(ABORT, 'persona_publications.year: a whole number from 1900 to 2100') WHERE NEW.year IS NOT NULL AND (typeof(NEW.year) IS NOT 'integer' OR NEW.year < 1900 OR NEW.year > 2100);
    SELECT RAISE(ABORT, 'persona_publications.frequency_per_year: a whole number from 0 to 10000') WHERE NEW.frequency_per_year IS NOT NULL AND (typeof(NEW.frequency_per_year) IS NOT 'integer' OR NEW.frequency_per_year < 0 OR NEW.frequency_per_year > 10000);
END;

CREATE TRIGGER rules_persona_social_media_insert
BEFORE INSERT ON persona_social_media
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_social_media.platform: one line of text, without line breaks, tabs or other control characters') WHERE NEW.platform GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_social_media.platform: is required') WHERE NEW.platform IS NULL OR trim(NEW.platform) = '';
    SELECT RAISE(ABORT, 'persona_social_media.content_focus: one line of text, without line breaks, tabs or other control characters') WHERE NEW.content_focus GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_social_media.follower_count_range: one line of text, without line breaks, tabs or other control characters') WHERE NEW.follower_count_range GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
END;

CREATE TRIGGER rules_persona_social_media_update
BEFORE UPDATE OF platform, content_focus, follower_count_range ON persona_social_media
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_social_media.platform: one line of text, without line breaks, tabs or other control characters') WHERE NEW.platform GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_social_media.platform: is required') WHERE NEW.platform IS NULL OR trim(NEW.platform) = '';
    SELECT RAISE(ABORT, 'persona_social_media.content_focus: one line of text, without line breaks, tabs or other control characters') WHERE NEW.content_focus GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
    SELECT RAISE(ABORT, 'persona_social_media.follower_count_range: one line of text, without line breaks, tabs or other control characters') WHERE NEW.follower_count_range GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
END;

CREATE TRIGGER rules_persona_evidence_sources_insert
BEFORE INSERT ON persona_evidence_sources
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_evidence_sources.citation: is required') WHERE NEW.citation IS NULL OR trim(NEW.citation) = '';
    SELECT RAISE(ABORT, 'persona_evidence_sources.key_finding: is required') WHERE NEW.key_finding IS NULL OR trim(NEW.key_finding) = '';
    SELECT RAISE(ABORT, 'persona_evidence_sources.sample_size: a whole number from 0 to 1000000000') WHERE NEW.sample_size IS NOT NULL AND (typeof(NEW.sample_size) IS NOT 'integer' OR NEW.sample_size < 0 OR NEW.sample_size > 1000000000);
    SELECT RAISE(ABORT, 'persona_evidence_sources.url: one line of text, without line breaks, tabs or other control characters') WHERE NEW.url GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
END;

CREATE TRIGGER rules_persona_evidence_sources_update
BEFORE UPDATE OF citation, key_finding, sample_size, url ON persona_evidence_sources
FOR EACH ROW
BEGIN
    SELECT RAISE(ABORT, 'persona_evidence_sources.citation: is required') WHERE NEW.citation IS NULL OR trim(NEW.citation) = '';
    SELECT RAISE(ABORT, 'persona_evidence_sources.key_finding: is required') WHERE NEW.key_finding IS NULL OR trim(NEW.key_finding) = '';
    SELECT RAISE(ABORT, 'persona_evidence_sources.sample_size: a whole number from 0 to 1000000000') WHERE NEW.sample_size IS NOT NULL AND (typeof(NEW.sample_size) IS NOT 'integer' OR NEW.sample_size < 0 OR NEW.sample_size > 1000000000);
    SELECT RAISE(ABORT, 'persona_evidence_sources.url: one line of text, without line breaks, tabs or other control characters') WHERE NEW.url GLOB '*[' || char(1) || '-' || char(31) || char(127) || ']*';
END;
