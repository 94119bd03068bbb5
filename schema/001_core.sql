-- =============================================================================
-- persona-studio — 001_core.sql
-- SQLite port of "PERSONA SCHEMA - GOLD STANDARD DESIGN", schema v4.0.0
-- (docs: persona-schema.md). The design document is the source of truth; every
-- deviation forced by SQLite, or every choice where the design is ambiguous, is
-- marked with a "PORT:" comment.
--
-- Conventions of this port (apply everywhere unless a PORT: comment says otherwise):
--   * Plain SQL for any SQLite client (sqlite3 CLI >= 3.40, DB Browser). No
--     default, view or trigger calls an application-registered function.
--   * No BEGIN/COMMIT and no PRAGMA user_version here: the migration runner wraps
--     the file in a transaction and sets user_version. No IF NOT EXISTS: each
--     migration is applied exactly once.
--   * UUID  -> TEXT, default = lowercase RFC-4122 v4 string built from randomblob
--              (PostgreSQL gen_random_uuid() has no SQLite equivalent): version
--              nibble '4', variant nibble picked with (random() & 3) from '89ab'.
--              PORT: & 3 rather than abs(random()) % 4, because abs() raises
--              "integer overflow" on the one value -9223372036854775808.
--   * TIMESTAMPTZ -> TEXT, UTC ISO-8601 with milliseconds ('2025-11-28T10:00:00.000Z'),
--     the format the defaults and triggers write. PORT: no format CHECK on
--     timestamps (validated_at, deleted_at, ...): the application writes them.
--   * DATE  -> TEXT 'YYYY-MM-DD', CHECK (x IS NULL OR date(x, '+0 days') IS x).
--     PORT: two traps in the obvious "date(x) = x": (1) plain date(x) passes day
--     overflows through unchanged in SQLite 3.40 (date('2025-02-30') =
--     '2025-02-30'); the '+0 days' modifier forces a calendar round trip;
--     (2) date('soon') is NULL, NULL = x is NULL, and a NULL CHECK *passes*, so
--     IS is used instead of =. Rejected: '2025-02-30', '2025-1-1', 'soon',
--     '2025-01-01 10:00', 20250101.
--   * BOOLEAN -> INTEGER 0/1 with CHECK (col IN (0, 1)); NULL allowed unless NOT NULL.
--   * NUMERIC(p,s)/DECIMAL(p,s) -> REAL with the design's range CHECKs. PORT: SQLite
--     does not enforce precision/scale, so e.g. 9.95 is stored as-is where
--     PostgreSQL would round it to 10.0; only the designed ranges are enforced.
--   * ENUM types -> CHECK (col IN (...)) with exactly the enum's values.
--   * "-- FK to lookup_x.code" comments in the design -> real foreign keys
--     REFERENCES lookup_x(code) ON UPDATE CASCADE (a renamed code follows through;
--     deleting a code that is still used is refused, the default NO ACTION).
--     A lookup row with is_active = 0 still satisfies the FK: hiding inactive
--     codes from new choices is the application's job. FK matching is
--     case-sensitive ('Medium' is not 'medium').
--   * updated_at is maintained by AFTER UPDATE triggers (SQLite cannot assign NEW
--     in a BEFORE trigger as plpgsql does); see section 7.
-- Foreign keys are only enforced with PRAGMA foreign_keys = ON (the app sets it).
-- =============================================================================


-- =============================================================================
-- 1. ENUM TYPES
-- PORT: SQLite has no CREATE TYPE. Each enum is a CHECK constraint on the column
-- that uses it; the enum type is named in a comment next to the column:
--   archetype_enum           : AUTOMATOR, ORCHESTRATOR, LEARNER, SKEPTIC
--   work_pattern_enum        : routine, strategic, mixed
--   service_layer_preference : ASK_EXPERT, ASK_PANEL, WORKFLOWS, SOLUTION_BUILDER, MIXED
--   gen_ai_readiness_level   : beginner, developing, proficient, advanced, expert
--   budget_authority_level   : none, limited, moderate, significant, high
--   validation_status        : draft, pending_review, validated, published, archived
-- =============================================================================


-- =============================================================================
-- 2. LOOKUP TABLES (15)
-- PORT: seed rows get sort_order 1, 2, 3, ... in the document's order (the design
-- declares sort_order DEFAULT 0 but gives no values). Where the document lists only
-- codes, display_name is a readable Title Case form of the code. description is
-- left NULL (the document gives none).
-- =============================================================================

-- 2.1 Seniority Levels
CREATE TABLE lookup_seniority_levels (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    years_experience_min INTEGER,
    years_experience_max INTEGER,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- PORT: the document's ranges overlap (lead 10-15, manager 8-15); kept verbatim.
INSERT INTO lookup_seniority_levels (code, display_name, years_experience_min, years_experience_max, sort_order) VALUES
    ('entry',    'Entry Level',        0,  2, 1),
    ('junior',   'Junior',             2,  4, 2),
    ('mid',      'Mid-Level',          4,  7, 3),
    ('senior',   'Senior',             7, 12, 4),
    ('lead',     'Lead',              10, 15, 5),
    ('manager',  'Manager',            8, 15, 6),
    ('director', 'Director',          12, 20, 7),
    ('vp',       'Vice President',    15, 25, 8),
    ('c_level',  'C-Level Executive', 20, 40, 9);

-- 2.2 Organization Sizes
-- PORT: the design gives this table no description column; none is added.
CREATE TABLE lookup_organization_sizes (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    employee_min INTEGER,
    employee_max INTEGER,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_organization_sizes (code, display_name, employee_min, employee_max, sort_order) VALUES
    ('startup',    'Startup (1-50)',          1,    50, 1),
    ('small',      'Small (51-200)',         51,   200, 2),
    ('medium',     'Medium (201-1000)',     201,  1000, 3),
    ('large',      'Large (1001-10000)',   1001, 10000, 4),
    ('enterprise', 'Enterprise (10000+)', 10001,  NULL, 5);

-- 2.3 Technology Adoption (Rogers' Diffusion)
-- PORT: population_percentage DECIMAL(4,1) -> REAL. The design has no range CHECK
-- on it, so none is added.
CREATE TABLE lookup_technology_adoption (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    population_percentage REAL,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_technology_adoption (code, display_name, population_percentage, sort_order) VALUES
    ('innovator',      'Innovator',       2.5, 1),
    ('early_adopter',  'Early Adopter',  13.5, 2),
    ('early_majority', 'Early Majority', 34.0, 3),
    ('late_majority',  'Late Majority',  34.0, 4),
    ('laggard',        'Laggard',        16.0, 5);

-- 2.4 Risk Tolerance
CREATE TABLE lookup_risk_tolerance (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_risk_tolerance (code, display_name, sort_order) VALUES
    ('very_low',  'Very Low',  1),
    ('low',       'Low',       2),
    ('moderate',  'Moderate',  3),
    ('high',      'High',      4),
    ('very_high', 'Very High', 5);

-- 2.5 Change Readiness
CREATE TABLE lookup_change_readiness (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_change_readiness (code, display_name, sort_order) VALUES
    ('resistant', 'Resistant', 1),
    ('low',       'Low',       2),
    ('moderate',  'Moderate',  3),
    ('high',      'High',      4),
    ('very_high', 'Very High', 5);

-- 2.6 Geographic Scopes
CREATE TABLE lookup_geographic_scopes (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_geographic_scopes (code, display_name, sort_order) VALUES
    ('local',          'Local',          1),
    ('regional',       'Regional',       2),
    ('national',       'National',       3),
    ('multi_national', 'Multi-National', 4),
    ('global',         'Global',         5);

-- 2.7 Pain Point Categories
CREATE TABLE lookup_pain_point_categories (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_pain_point_categories (code, display_name, sort_order) VALUES
    ('process',        'Process',        1),
    ('tool',           'Tool',           2),
    ('data',           'Data',           3),
    ('organizational', 'Organizational', 4),
    ('resource',       'Resource',       5),
    ('compliance',     'Compliance',     6),
    ('communication',  'Communication',  7);

-- 2.8 Severity Levels
-- (also the target of persona_goals.priority and persona_challenges.impact)
CREATE TABLE lookup_severity_levels (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_severity_levels (code, display_name, sort_order) VALUES
    ('low',      'Low',      1),
    ('medium',   'Medium',   2),
    ('high',     'High',     3),
    ('critical', 'Critical', 4);

-- 2.9 Frequency Levels
CREATE TABLE lookup_frequency_levels (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_frequency_levels (code, display_name, sort_order) VALUES
    ('rarely',    'Rarely',    1),
    ('sometimes', 'Sometimes', 2),
    ('often',     'Often',     3),
    ('always',    'Always',    4);

-- 2.10 Timeframes
-- PORT: "strategic (36+mo)" is open-ended: months_max NULL.
CREATE TABLE lookup_timeframes (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    months_min INTEGER,
    months_max INTEGER,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_timeframes (code, display_name, months_min, months_max, sort_order) VALUES
    ('immediate',   'Immediate',    0,    1, 1),
    ('short_term',  'Short Term',   1,    6, 2),
    ('medium_term', 'Medium Term',  6,   18, 3),
    ('long_term',   'Long Term',   18,   36, 4),
    ('strategic',   'Strategic',   36, NULL, 5);

-- 2.11 Goal Types
CREATE TABLE lookup_goal_types (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_goal_types (code, display_name, sort_order) VALUES
    ('efficiency', 'Efficiency', 1),
    ('quality',    'Quality',    2),
    ('growth',     'Growth',     3),
    ('compliance', 'Compliance', 4),
    ('innovation', 'Innovation', 5),
    ('learning',   'Learning',   6),
    ('career',     'Career',     7);

-- 2.12 Challenge Types
CREATE TABLE lookup_challenge_types (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_challenge_types (code, display_name, sort_order) VALUES
    ('technical',      'Technical',      1),
    ('organizational', 'Organizational', 2),
    ('resource',       'Resource',       3),
    ('knowledge',      'Knowledge',      4),
    ('regulatory',     'Regulatory',     5),
    ('competitive',    'Competitive',    6),
    ('cultural',       'Cultural',       7);

-- 2.13 Trigger Types (for persona_buying_triggers)
CREATE TABLE lookup_trigger_types (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_trigger_types (code, display_name, sort_order) VALUES
    ('regulatory',          'Regulatory',          1),
    ('competitive',         'Competitive',         2),
    ('internal_initiative', 'Internal Initiative', 3),
    ('crisis',              'Crisis',              4),
    ('growth',              'Growth',              5),
    ('budget_cycle',        'Budget Cycle',        6);

-- 2.14 Conference Types
CREATE TABLE lookup_conference_types (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_conference_types (code, display_name, sort_order) VALUES
    ('academic',   'Academic',   1),
    ('industry',   'Industry',   2),
    ('regulatory', 'Regulatory', 3),
    ('internal',   'Internal',   4);

-- 2.15 Conference Roles
CREATE TABLE lookup_conference_roles (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    code TEXT UNIQUE NOT NULL,
    display_name TEXT NOT NULL,
    description TEXT,
    sort_order INTEGER DEFAULT 0,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

INSERT INTO lookup_conference_roles (code, display_name, sort_order) VALUES
    ('attendee',  'Attendee',  1),
    ('speaker',   'Speaker',   2),
    ('panelist',  'Panelist',  3),
    ('organizer', 'Organizer', 4),
    ('sponsor',   'Sponsor',   5);


-- =============================================================================
-- REFERENCED TABLES
-- PORT: the design references tenants(id), tenants.tenant_key, users(id),
-- org_roles, org_functions and org_departments (id, name, slug) without defining
-- them. Minimal definitions follow; they must exist before personas. No default
-- tenant or user is inserted here (the application's `init` does that).
-- =============================================================================

CREATE TABLE tenants (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    tenant_key TEXT UNIQUE NOT NULL,
    name TEXT NOT NULL,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    username TEXT UNIQUE NOT NULL,
    display_name TEXT,
    email TEXT,
    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- Hierarchy per the design's principle "Roles -> Functions -> Departments":
-- a department may belong to a function, a role to a function and/or department.
CREATE TABLE org_functions (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    description TEXT,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (tenant_id, slug)
);

CREATE TABLE org_departments (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    function_id TEXT REFERENCES org_functions(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    description TEXT,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (tenant_id, slug)
);

CREATE TABLE org_roles (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    function_id TEXT REFERENCES org_functions(id) ON DELETE SET NULL,
    department_id TEXT REFERENCES org_departments(id) ON DELETE SET NULL,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    description TEXT,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    UNIQUE (tenant_id, slug)
);

-- Not in the design (the tables are not either): indexes on the child side of the
-- ON DELETE SET NULL keys, so deleting a function/department does not scan.
-- tenant_id is covered by the UNIQUE (tenant_id, slug) index.
CREATE INDEX idx_org_departments_function_id ON org_departments(function_id);
CREATE INDEX idx_org_roles_function_id ON org_roles(function_id);
CREATE INDEX idx_org_roles_department_id ON org_roles(department_id);


-- =============================================================================
-- 3. CORE PERSONAS TABLE
-- =============================================================================

-- 3.1 Table Definition (columns in the document's order)
CREATE TABLE personas (
    -- =============================================
    -- CORE IDENTITY
    -- =============================================
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    slug TEXT NOT NULL,
    title TEXT,
    tagline TEXT,
    one_liner TEXT,

    -- =============================================
    -- ARCHETYPE ASSIGNMENT (MECE Framework)
    -- =============================================
    -- enum archetype_enum
    archetype TEXT CHECK (archetype IN ('AUTOMATOR', 'ORCHESTRATOR', 'LEARNER', 'SKEPTIC')),
    archetype_confidence REAL CHECK (archetype_confidence >= 0 AND archetype_confidence <= 1),
    -- enum work_pattern_enum
    work_pattern TEXT CHECK (work_pattern IN ('routine', 'strategic', 'mixed')),
    work_complexity_score REAL CHECK (work_complexity_score >= 0 AND work_complexity_score <= 100),
    ai_maturity_score REAL CHECK (ai_maturity_score >= 0 AND ai_maturity_score <= 100),

    -- =============================================
    -- ORGANIZATIONAL CONTEXT
    -- =============================================
    role_id TEXT REFERENCES org_roles(id) ON DELETE SET NULL,
    function_id TEXT REFERENCES org_functions(id) ON DELETE SET NULL,
    department_id TEXT REFERENCES org_departments(id) ON DELETE SET NULL,

    -- Denormalized names (for performance); kept in sync by the triggers of 7.2
    role_name TEXT,
    role_slug TEXT,
    function_name TEXT,
    function_slug TEXT,
    department_name TEXT,
    department_slug TEXT,

    -- =============================================
    -- PROFESSIONAL PROFILE
    -- =============================================
    seniority_level TEXT REFERENCES lookup_seniority_levels(code) ON UPDATE CASCADE,
    years_of_experience INTEGER,
    years_in_current_role INTEGER,
    years_in_industry INTEGER,
    years_in_function INTEGER,
    education_level TEXT,

    typical_organization_size TEXT REFERENCES lookup_organization_sizes(code) ON UPDATE CASCADE,
    organization_type TEXT,
    geographic_scope TEXT REFERENCES lookup_geographic_scopes(code) ON UPDATE CASCADE,
    reporting_to TEXT,
    team_size TEXT,
    team_size_typical INTEGER,
    direct_reports INTEGER,
    span_of_control TEXT,

    budget_authority TEXT,
    -- enum budget_authority_level
    budget_authority_level TEXT CHECK (budget_authority_level IN ('none', 'limited', 'moderate', 'significant', 'high')),

    -- =============================================
    -- BEHAVIORAL ATTRIBUTES
    -- =============================================
    work_style TEXT,
    work_arrangement TEXT,
    decision_making_style TEXT,
    learning_style TEXT,
    technology_adoption TEXT REFERENCES lookup_technology_adoption(code) ON UPDATE CASCADE,
    risk_tolerance TEXT REFERENCES lookup_risk_tolerance(code) ON UPDATE CASCADE,
    change_readiness TEXT REFERENCES lookup_change_readiness(code) ON UPDATE CASCADE,
    collaboration_style TEXT,
    communication_preference TEXT,

    -- =============================================
    -- GEN AI PROFILE
    -- =============================================
    -- enum gen_ai_readiness_level
    gen_ai_readiness_level TEXT CHECK (gen_ai_readiness_level IN ('beginner', 'developing', 'proficient', 'advanced', 'expert')),
    -- enum service_layer_preference
    preferred_service_layer TEXT CHECK (preferred_service_layer IN ('ASK_EXPERT', 'ASK_PANEL', 'WORKFLOWS', 'SOLUTION_BUILDER', 'MIXED')),
    gen_ai_adoption_score REAL CHECK (gen_ai_adoption_score >= 0 AND gen_ai_adoption_score <= 100),
    gen_ai_trust_score REAL CHECK (gen_ai_trust_score >= 0 AND gen_ai_trust_score <= 100),
    gen_ai_usage_frequency TEXT,
    gen_ai_primary_use_case TEXT,

    -- =============================================
    -- NARRATIVE & BACKGROUND
    -- =============================================
    background_story TEXT,
    a_day_in_the_life TEXT,

    -- =============================================
    -- SALARY BENCHMARKS
    -- =============================================
    salary_min_usd INTEGER,
    salary_max_usd INTEGER,
    salary_median_usd INTEGER,
    salary_currency TEXT DEFAULT 'USD',
    salary_year INTEGER,
    salary_sources TEXT,
    sample_size TEXT,
    confidence_level TEXT,
    data_recency TEXT,
    geographic_benchmark_scope TEXT,

    -- =============================================
    -- METADATA
    -- =============================================
    persona_type TEXT,
    persona_number INTEGER,
    segment TEXT,
    journey_stage TEXT,
    section TEXT,

    -- enum validation_status
    validation_status TEXT DEFAULT 'draft' CHECK (validation_status IN ('draft', 'pending_review', 'validated', 'published', 'archived')),
    -- PORT: the design gives no ON DELETE action, so the default (NO ACTION) is
    -- kept: a user who validated personas cannot be deleted.
    validated_by TEXT REFERENCES users(id),
    validated_at TEXT,
    notes TEXT,

    is_active INTEGER DEFAULT 1 CHECK (is_active IN (0, 1)),
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    deleted_at TEXT,

    -- PORT (not in the design): optimistic-concurrency counter bumped by the app
    -- on each save (UPDATE ... SET version = version + 1 WHERE id = ? AND
    -- version = ?), needed so two editors never silently overwrite each other.
    -- The triggers below never touch it.
    version INTEGER NOT NULL DEFAULT 1,

    -- =============================================
    -- CONSTRAINTS
    -- =============================================
    -- PORT: the global UNIQUE (slug) makes the per-tenant one redundant (a slug
    -- unique everywhere is unique per tenant), but the design declares both, so
    -- both are kept.
    CONSTRAINT personas_tenant_slug_unique UNIQUE (tenant_id, slug),
    CONSTRAINT personas_slug_unique UNIQUE (slug)
);

-- 3.2 Indexes (all of the design's, including idx_personas_slug, which duplicates
-- the UNIQUE (slug) index but is designed).
CREATE INDEX idx_personas_tenant_id ON personas(tenant_id);
CREATE INDEX idx_personas_role_id ON personas(role_id);
CREATE INDEX idx_personas_function_id ON personas(function_id);
CREATE INDEX idx_personas_department_id ON personas(department_id);
CREATE INDEX idx_personas_archetype ON personas(archetype);
CREATE INDEX idx_personas_tenant_function ON personas(tenant_id, function_id);
CREATE INDEX idx_personas_tenant_archetype ON personas(tenant_id, archetype);
CREATE INDEX idx_personas_validation_status ON personas(validation_status) WHERE deleted_at IS NULL;
CREATE INDEX idx_personas_is_active ON personas(is_active) WHERE deleted_at IS NULL;
CREATE INDEX idx_personas_slug ON personas(slug);


-- =============================================================================
-- 4. JUNCTION TABLES (18)
-- Every table: persona_id NOT NULL -> personas ON DELETE CASCADE, tenant_id ->
-- tenants ON DELETE CASCADE (nullable, as designed).
-- PORT: the design does not say that a list row's tenant_id must equal its
-- persona's tenant_id, so nothing enforces it (the application sets both);
-- likewise personas.role_id/function_id/department_id are not checked to belong
-- to the persona's tenant.
-- PORT: the design has no index on persona_id; one is added per table (named
-- idx_<table>_persona_id) because every editor open reads the lists by persona.
-- For persona_vpanes_scoring, persona_buying_process (UNIQUE (persona_id)) and
-- persona_success_metrics (UNIQUE (persona_id, metric_name)) the UNIQUE index
-- already covers it; the extra index is kept there too for one uniform rule.
-- No index on junction tenant_id: only tenant deletion uses it (rare).
-- =============================================================================

-- 4.1 Pain Points
CREATE TABLE persona_pain_points (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    pain_point TEXT NOT NULL,
    category TEXT REFERENCES lookup_pain_point_categories(code) ON UPDATE CASCADE,
    severity TEXT DEFAULT 'medium' REFERENCES lookup_severity_levels(code) ON UPDATE CASCADE,
    frequency TEXT DEFAULT 'often' REFERENCES lookup_frequency_levels(code) ON UPDATE CASCADE,
    impact_description TEXT,
    workaround TEXT,
    is_ai_addressable INTEGER DEFAULT NULL CHECK (is_ai_addressable IN (0, 1)),

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_pain_points_persona_id ON persona_pain_points(persona_id);

-- 4.2 Goals
CREATE TABLE persona_goals (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    goal_text TEXT NOT NULL,
    goal_type TEXT REFERENCES lookup_goal_types(code) ON UPDATE CASCADE,
    -- design: priority is an FK to lookup_severity_levels.code (low/medium/high/critical)
    priority TEXT DEFAULT 'medium' REFERENCES lookup_severity_levels(code) ON UPDATE CASCADE,
    timeframe TEXT REFERENCES lookup_timeframes(code) ON UPDATE CASCADE,
    is_measurable INTEGER DEFAULT 0 CHECK (is_measurable IN (0, 1)),
    success_criteria TEXT,

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_goals_persona_id ON persona_goals(persona_id);

-- 4.3 Motivations
CREATE TABLE persona_motivations (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    motivation_text TEXT NOT NULL,
    motivation_category TEXT CHECK (motivation_category IN ('professional', 'organizational', 'personal')),
    -- PORT: the design uses a CHECK here (not the severity lookup); kept as a CHECK.
    importance TEXT CHECK (importance IN ('low', 'medium', 'high', 'critical')),

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_motivations_persona_id ON persona_motivations(persona_id);

-- 4.4 Challenges
CREATE TABLE persona_challenges (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    challenge_text TEXT NOT NULL,
    challenge_type TEXT REFERENCES lookup_challenge_types(code) ON UPDATE CASCADE,
    -- design: impact is an FK to lookup_severity_levels.code
    impact TEXT DEFAULT 'medium' REFERENCES lookup_severity_levels(code) ON UPDATE CASCADE,
    current_solution TEXT,

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_challenges_persona_id ON persona_challenges(persona_id);

-- 4.5 Typical Day Activities
CREATE TABLE persona_typical_day (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    -- e.g. "08:00", "14:30". PORT: free text as designed (no format CHECK).
    time_slot TEXT NOT NULL,
    activity_description TEXT NOT NULL,
    duration_minutes INTEGER,
    is_ai_automatable INTEGER DEFAULT NULL CHECK (is_ai_automatable IN (0, 1)),

    -- the design uses sort_order (not sequence_order) here, for the time sequence
    sort_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_typical_day_persona_id ON persona_typical_day(persona_id);

-- 4.6 Tools Used
CREATE TABLE persona_tools_used (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    tool_name TEXT NOT NULL,
    tool_category TEXT, -- e.g. "CRM", "Analytics", "Communication" (free text)
    proficiency_level TEXT CHECK (proficiency_level IN ('beginner', 'intermediate', 'advanced', 'expert')),
    usage_frequency TEXT REFERENCES lookup_frequency_levels(code) ON UPDATE CASCADE,
    satisfaction_score REAL CHECK (satisfaction_score >= 0 AND satisfaction_score <= 5),

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_tools_used_persona_id ON persona_tools_used(persona_id);

-- 4.7 Stakeholders
CREATE TABLE persona_stakeholders (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    stakeholder_role TEXT NOT NULL,
    stakeholder_department TEXT,
    relationship_type TEXT CHECK (relationship_type IN ('reports_to', 'peer', 'direct_report', 'collaborator', 'client', 'vendor')),
    interaction_frequency TEXT REFERENCES lookup_frequency_levels(code) ON UPDATE CASCADE,
    influence_level TEXT CHECK (influence_level IN ('low', 'medium', 'high', 'critical')),

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_stakeholders_persona_id ON persona_stakeholders(persona_id);

-- 4.8 VPANES Scoring
-- PORT: total_score is DECIMAL(4,1) in the design. In SQLite it is
-- round(sum, 1) because REAL sums are not exact (0.1 + 0.2 = 0.30000000000000004,
-- and e.g. 5.3 * 6 terms may land just below 31.0); priority_tier is computed
-- from the same rounded sum so that total_score and tier always agree at the
-- 46 / 31 / 16 boundaries.
-- NULL behaviour is exactly the design's: if any of the six scores is NULL the
-- sum (hence total_score) is NULL, every ">=" comparison is NULL, and the CASE
-- falls through to ELSE, so priority_tier = 'tier_4_low'.
CREATE TABLE persona_vpanes_scoring (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    visibility REAL CHECK (visibility >= 0 AND visibility <= 10),
    pain REAL CHECK (pain >= 0 AND pain <= 10),
    actions REAL CHECK (actions >= 0 AND actions <= 10),
    needs REAL CHECK (needs >= 0 AND needs <= 10),
    emotions REAL CHECK (emotions >= 0 AND emotions <= 10),
    scenarios REAL CHECK (scenarios >= 0 AND scenarios <= 10),

    total_score REAL GENERATED ALWAYS AS (
        round(visibility + pain + actions + needs + emotions + scenarios, 1)
    ) STORED,

    priority_tier TEXT GENERATED ALWAYS AS (
        CASE
            WHEN round(visibility + pain + actions + needs + emotions + scenarios, 1) >= 46 THEN 'tier_1_ideal'
            WHEN round(visibility + pain + actions + needs + emotions + scenarios, 1) >= 31 THEN 'tier_2_high'
            WHEN round(visibility + pain + actions + needs + emotions + scenarios, 1) >= 16 THEN 'tier_3_medium'
            ELSE 'tier_4_low'
        END
    ) STORED,

    scoring_notes TEXT,

    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),

    UNIQUE (persona_id)
);
CREATE INDEX idx_persona_vpanes_scoring_persona_id ON persona_vpanes_scoring(persona_id);

-- 4.9 Education
CREATE TABLE persona_education (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    degree TEXT NOT NULL,
    field_of_study TEXT NOT NULL,
    institution TEXT NOT NULL,
    year_completed INTEGER CHECK (year_completed >= 1950 AND year_completed <= 2030),

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_education_persona_id ON persona_education(persona_id);

-- 4.10 Certifications
CREATE TABLE persona_certifications (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    certification_name TEXT NOT NULL,
    issuing_organization TEXT NOT NULL,
    year_obtained INTEGER CHECK (year_obtained >= 1950 AND year_obtained <= 2030),
    expiration_date TEXT CHECK (expiration_date IS NULL OR date(expiration_date, '+0 days') IS expiration_date),
    is_current INTEGER DEFAULT 1 CHECK (is_current IN (0, 1)),

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_certifications_persona_id ON persona_certifications(persona_id);

-- 4.11 Success Metrics
CREATE TABLE persona_success_metrics (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    metric_name TEXT NOT NULL,
    metric_description TEXT NOT NULL,

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),

    UNIQUE (persona_id, metric_name)
);
CREATE INDEX idx_persona_success_metrics_persona_id ON persona_success_metrics(persona_id);

-- 4.12 Buying Process (one row per persona; no sequence_order in the design)
CREATE TABLE persona_buying_process (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    role_in_purchase TEXT CHECK (role_in_purchase IN ('decision_maker', 'influencer', 'gatekeeper', 'user', 'champion')),
    decision_timeframe TEXT,
    typical_budget_range TEXT,
    approval_process_complexity TEXT CHECK (approval_process_complexity IN ('simple', 'moderate', 'complex', 'very_complex')),

    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),

    UNIQUE (persona_id)
);
CREATE INDEX idx_persona_buying_process_persona_id ON persona_buying_process(persona_id);

-- 4.13 Buying Triggers
CREATE TABLE persona_buying_triggers (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    trigger_type TEXT REFERENCES lookup_trigger_types(code) ON UPDATE CASCADE,
    trigger_description TEXT NOT NULL,
    urgency_level TEXT CHECK (urgency_level IN ('low', 'medium', 'high', 'critical')),

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_buying_triggers_persona_id ON persona_buying_triggers(persona_id);

-- 4.14 Aspirations
-- PORT: unlike persona_goals.timeframe (FK to lookup_timeframes), the design
-- gives aspirations.timeframe a CHECK with three values; kept as a CHECK
-- ('immediate' and 'strategic' are therefore not allowed here).
CREATE TABLE persona_aspirations (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    aspiration_text TEXT NOT NULL,
    timeframe TEXT CHECK (timeframe IN ('short_term', 'medium_term', 'long_term')),

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_aspirations_persona_id ON persona_aspirations(persona_id);

-- 4.15 Annual Conferences
CREATE TABLE persona_annual_conferences (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    conference_name TEXT NOT NULL,
    conference_type TEXT REFERENCES lookup_conference_types(code) ON UPDATE CASCADE,
    role TEXT REFERENCES lookup_conference_roles(code) ON UPDATE CASCADE,
    typical_frequency TEXT CHECK (typical_frequency IN ('annual', 'biannual', 'occasional', 'rare')),

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_annual_conferences_persona_id ON persona_annual_conferences(persona_id);

-- 4.16 Publications
CREATE TABLE persona_publications (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    publication_type TEXT CHECK (publication_type IN ('peer_reviewed', 'blog', 'social_media', 'book', 'whitepaper', 'case_study')),
    topic TEXT NOT NULL,
    year INTEGER,
    frequency_per_year INTEGER,

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_publications_persona_id ON persona_publications(persona_id);

-- 4.17 Social Media
CREATE TABLE persona_social_media (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    platform TEXT NOT NULL,
    activity_level TEXT CHECK (activity_level IN ('none', 'lurker', 'occasional', 'regular', 'influencer')),
    content_focus TEXT,
    follower_count_range TEXT,

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_social_media_persona_id ON persona_social_media(persona_id);

-- 4.18 Evidence Sources
CREATE TABLE persona_evidence_sources (
    id TEXT PRIMARY KEY NOT NULL DEFAULT (lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || substr('89ab', 1 + (random() & 3), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6)))),
    persona_id TEXT NOT NULL REFERENCES personas(id) ON DELETE CASCADE,
    tenant_id TEXT REFERENCES tenants(id) ON DELETE CASCADE,

    source_type TEXT CHECK (source_type IN ('primary_research', 'secondary_research', 'expert_interview', 'industry_report', 'survey_data', 'case_study')),
    citation TEXT NOT NULL,
    key_finding TEXT NOT NULL,
    sample_size INTEGER,
    methodology TEXT,
    publication_date TEXT CHECK (publication_date IS NULL OR date(publication_date, '+0 days') IS publication_date),
    confidence_level TEXT CHECK (confidence_level IN ('low', 'medium', 'high', 'very_high')),
    url TEXT,

    sequence_order INTEGER DEFAULT 0,
    created_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    updated_at TEXT DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX idx_persona_evidence_sources_persona_id ON persona_evidence_sources(persona_id);


-- =============================================================================
-- 5. VIEWS FOR ANALYTICS
-- PORT: CREATE OR REPLACE VIEW -> CREATE VIEW (migrations run once). Same
-- columns, names, order and meaning as the design. AVG() returns REAL in SQLite
-- (NUMERIC in PostgreSQL).
-- =============================================================================

-- 5.1 v_personas_summary (Lightweight List View)
CREATE VIEW v_personas_summary AS
SELECT
    p.id,
    p.tenant_id,
    p.name,
    p.slug,
    p.title,
    p.tagline,
    p.archetype,
    p.work_pattern,
    p.seniority_level,
    p.function_name,
    p.department_name,
    p.role_name,
    p.validation_status,
    p.is_active,
    p.created_at,
    p.updated_at
FROM personas p
WHERE p.deleted_at IS NULL;

-- 5.2 v_personas_with_vpanes (Scoring Analysis)
CREATE VIEW v_personas_with_vpanes AS
SELECT
    p.id,
    p.tenant_id,
    p.name,
    p.slug,
    p.archetype,
    p.work_pattern,
    p.function_name,
    v.visibility,
    v.pain,
    v.actions,
    v.needs,
    v.emotions,
    v.scenarios,
    v.total_score,
    v.priority_tier
FROM personas p
LEFT JOIN persona_vpanes_scoring v ON p.id = v.persona_id
WHERE p.deleted_at IS NULL;

-- 5.3 v_archetype_distribution (Aggregate Analytics)
CREATE VIEW v_archetype_distribution AS
SELECT
    t.tenant_key AS tenant,
    p.archetype,
    p.function_name,
    COUNT(*) AS persona_count,
    AVG(p.ai_maturity_score) AS avg_ai_maturity,
    AVG(p.work_complexity_score) AS avg_work_complexity,
    AVG(v.total_score) AS avg_vpanes_score
FROM personas p
LEFT JOIN tenants t ON p.tenant_id = t.id
LEFT JOIN persona_vpanes_scoring v ON p.id = v.persona_id
WHERE p.deleted_at IS NULL
GROUP BY t.tenant_key, p.archetype, p.function_name;


-- =============================================================================
-- 6. HELPER FUNCTIONS
-- PORT: SQLite has no stored functions. calculate_gen_ai_readiness_level (6.1)
-- and infer_preferred_service_layer (6.2) are registered as scalar functions by
-- the application; per the plain-SQL rule nothing in this file calls them.
-- sync_persona_org_names (6.3) becomes the triggers of 7.2.
-- =============================================================================


-- =============================================================================
-- 7. TRIGGERS
-- =============================================================================

-- 7.1 Update Timestamps
-- PORT: plpgsql's BEFORE UPDATE "NEW.updated_at = NOW()" cannot be written in
-- SQLite (NEW is read-only). Instead an AFTER UPDATE trigger re-updates the row.
-- The WHEN clause (a) lets an explicit new updated_at through untouched and
-- (b) stops the trigger's own UPDATE from re-firing it. The design only shows
-- this trigger for personas; the port keeps updated_at current on every table
-- that has the column (junction tables, tenants, users, org tables).
CREATE TRIGGER update_personas_updated_at
AFTER UPDATE ON personas FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE personas SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_tenants_updated_at
AFTER UPDATE ON tenants FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE tenants SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_users_updated_at
AFTER UPDATE ON users FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE users SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_org_functions_updated_at
AFTER UPDATE ON org_functions FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE org_functions SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_org_departments_updated_at
AFTER UPDATE ON org_departments FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE org_departments SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_org_roles_updated_at
AFTER UPDATE ON org_roles FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE org_roles SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_pain_points_updated_at
AFTER UPDATE ON persona_pain_points FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_pain_points SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_goals_updated_at
AFTER UPDATE ON persona_goals FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_goals SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_motivations_updated_at
AFTER UPDATE ON persona_motivations FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_motivations SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_challenges_updated_at
AFTER UPDATE ON persona_challenges FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_challenges SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_typical_day_updated_at
AFTER UPDATE ON persona_typical_day FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_typical_day SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_tools_used_updated_at
AFTER UPDATE ON persona_tools_used FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_tools_used SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_stakeholders_updated_at
AFTER UPDATE ON persona_stakeholders FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_stakeholders SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_vpanes_scoring_updated_at
AFTER UPDATE ON persona_vpanes_scoring FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_vpanes_scoring SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_education_updated_at
AFTER UPDATE ON persona_education FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_education SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_certifications_updated_at
AFTER UPDATE ON persona_certifications FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_certifications SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_success_metrics_updated_at
AFTER UPDATE ON persona_success_metrics FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_success_metrics SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_buying_process_updated_at
AFTER UPDATE ON persona_buying_process FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_buying_process SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_buying_triggers_updated_at
AFTER UPDATE ON persona_buying_triggers FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_buying_triggers SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_aspirations_updated_at
AFTER UPDATE ON persona_aspirations FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_aspirations SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_annual_conferences_updated_at
AFTER UPDATE ON persona_annual_conferences FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_annual_conferences SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_publications_updated_at
AFTER UPDATE ON persona_publications FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_publications SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_social_media_updated_at
AFTER UPDATE ON persona_social_media FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_social_media SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER update_persona_evidence_sources_updated_at
AFTER UPDATE ON persona_evidence_sources FOR EACH ROW
WHEN NEW.updated_at IS OLD.updated_at
BEGIN
    UPDATE persona_evidence_sources SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;


-- 7.2 Sync Organization Names (design 6.3 sync_persona_org_names + 7.2)
-- Design semantics: on INSERT, and on UPDATE OF function_id, department_id,
-- role_id, for each of the three ids that IS NOT NULL copy name/slug from the
-- org table into the denormalised columns; a NULL id leaves the names alone
-- (so the names survive an org row being deleted -> id SET NULL).
-- PORT: SQLite cannot assign NEW.* in a BEFORE trigger, so these are AFTER
-- triggers that UPDATE the row just written. Those UPDATEs would also fire
-- update_personas_updated_at; to keep the design's timestamps:
--   * on INSERT the inserted updated_at is restored afterwards (an INSERT never
--     bumps updated_at in the design, e.g. an import keeps its timestamps);
--   * on UPDATE an explicitly written updated_at (NEW differs from OLD) is
--     restored; otherwise the statement's normal bump stands.
-- The restoring UPDATE changes updated_at, so the timestamp trigger's WHEN
-- clause keeps it from firing again.
CREATE TRIGGER trigger_sync_persona_org_names_insert
AFTER INSERT ON personas FOR EACH ROW
WHEN NEW.role_id IS NOT NULL OR NEW.function_id IS NOT NULL OR NEW.department_id IS NOT NULL
BEGIN
    UPDATE personas SET
        role_name       = CASE WHEN NEW.role_id IS NOT NULL
                               THEN (SELECT r.name FROM org_roles r WHERE r.id = NEW.role_id) ELSE role_name END,
        role_slug       = CASE WHEN NEW.role_id IS NOT NULL
                               THEN (SELECT r.slug FROM org_roles r WHERE r.id = NEW.role_id) ELSE role_slug END,
        function_name   = CASE WHEN NEW.function_id IS NOT NULL
                               THEN (SELECT f.name FROM org_functions f WHERE f.id = NEW.function_id) ELSE function_name END,
        function_slug   = CASE WHEN NEW.function_id IS NOT NULL
                               THEN (SELECT f.slug FROM org_functions f WHERE f.id = NEW.function_id) ELSE function_slug END,
        department_name = CASE WHEN NEW.department_id IS NOT NULL
                               THEN (SELECT d.name FROM org_departments d WHERE d.id = NEW.department_id) ELSE department_name END,
        department_slug = CASE WHEN NEW.department_id IS NOT NULL
                               THEN (SELECT d.slug FROM org_departments d WHERE d.id = NEW.department_id) ELSE department_slug END
    WHERE id = NEW.id;
    UPDATE personas SET updated_at = NEW.updated_at WHERE id = NEW.id;
END;

CREATE TRIGGER trigger_sync_persona_org_names_update
AFTER UPDATE OF function_id, department_id, role_id ON personas FOR EACH ROW
WHEN NEW.role_id IS NOT NULL OR NEW.function_id IS NOT NULL OR NEW.department_id IS NOT NULL
BEGIN
    UPDATE personas SET
        role_name       = CASE WHEN NEW.role_id IS NOT NULL
                               THEN (SELECT r.name FROM org_roles r WHERE r.id = NEW.role_id) ELSE role_name END,
        role_slug       = CASE WHEN NEW.role_id IS NOT NULL
                               THEN (SELECT r.slug FROM org_roles r WHERE r.id = NEW.role_id) ELSE role_slug END,
        function_name   = CASE WHEN NEW.function_id IS NOT NULL
                               THEN (SELECT f.name FROM org_functions f WHERE f.id = NEW.function_id) ELSE function_name END,
        function_slug   = CASE WHEN NEW.function_id IS NOT NULL
                               THEN (SELECT f.slug FROM org_functions f WHERE f.id = NEW.function_id) ELSE function_slug END,
        department_name = CASE WHEN NEW.department_id IS NOT NULL
                               THEN (SELECT d.name FROM org_departments d WHERE d.id = NEW.department_id) ELSE department_name END,
        department_slug = CASE WHEN NEW.department_id IS NOT NULL
                               THEN (SELECT d.slug FROM org_departments d WHERE d.id = NEW.department_id) ELSE department_slug END
    WHERE id = NEW.id;
    UPDATE personas SET updated_at = NEW.updated_at
    WHERE id = NEW.id AND NEW.updated_at IS NOT OLD.updated_at;
END;

-- PORT (extension, not in the design): when an org row is renamed (name or
-- slug), push the new name/slug to every persona that references it, so the
-- denormalised copies never go stale. This bumps the personas' updated_at (their
-- row did change) but not their version: an editor that has the persona open
-- is not in conflict with a rename of its role.
CREATE TRIGGER trigger_propagate_org_role_rename
AFTER UPDATE OF name, slug ON org_roles FOR EACH ROW
WHEN NEW.name IS NOT OLD.name OR NEW.slug IS NOT OLD.slug
BEGIN
    UPDATE personas SET role_name = NEW.name, role_slug = NEW.slug WHERE role_id = NEW.id;
END;

CREATE TRIGGER trigger_propagate_org_function_rename
AFTER UPDATE OF name, slug ON org_functions FOR EACH ROW
WHEN NEW.name IS NOT OLD.name OR NEW.slug IS NOT OLD.slug
BEGIN
    UPDATE personas SET function_name = NEW.name, function_slug = NEW.slug WHERE function_id = NEW.id;
END;

CREATE TRIGGER trigger_propagate_org_department_rename
AFTER UPDATE OF name, slug ON org_departments FOR EACH ROW
WHEN NEW.name IS NOT OLD.name OR NEW.slug IS NOT OLD.slug
BEGIN
    UPDATE personas SET department_name = NEW.name, department_slug = NEW.slug WHERE department_id = NEW.id;
END;
