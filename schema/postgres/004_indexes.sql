-- Persona Studio team library: an index on persona_id for each of the design's 18 list tables.
-- The design indexes personas but not the child side of persona_id; a sync reads and hashes
-- one persona's rows at a time, which without these scans a whole table per list (a push of
-- 10,000 personas took minutes). Additive only, like the SQLite port's own indexes; created
-- when missing, so a platform that has its own keeps them.

CREATE INDEX IF NOT EXISTS idx_persona_pain_points_persona_id ON persona_pain_points(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_goals_persona_id ON persona_goals(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_motivations_persona_id ON persona_motivations(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_challenges_persona_id ON persona_challenges(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_typical_day_persona_id ON persona_typical_day(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_tools_used_persona_id ON persona_tools_used(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_stakeholders_persona_id ON persona_stakeholders(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_vpanes_scoring_persona_id ON persona_vpanes_scoring(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_education_persona_id ON persona_education(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_certifications_persona_id ON persona_certifications(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_success_metrics_persona_id ON persona_success_metrics(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_buying_process_persona_id ON persona_buying_process(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_buying_triggers_persona_id ON persona_buying_triggers(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_aspirations_persona_id ON persona_aspirations(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_annual_conferences_persona_id ON persona_annual_conferences(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_publications_persona_id ON persona_publications(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_social_media_persona_id ON persona_social_media(persona_id);
CREATE INDEX IF NOT EXISTS idx_persona_evidence_sources_persona_id ON persona_evidence_sources(persona_id);
