-- Persona Studio team library: the seed rows of the design's 15 lookup tables (section 2's
-- "Seed Data" tables), the same rows as the SQLite port's schema/001_core.sql.
-- ON CONFLICT keeps `remote init` idempotent and never changes a row the platform already has
-- (it may have renamed a display name or added codes of its own).

INSERT INTO lookup_seniority_levels (code, display_name, years_experience_min, years_experience_max, sort_order) VALUES
    ('entry',    'Entry Level',        0,  2, 1),
    ('junior',   'Junior',             2,  4, 2),
    ('mid',      'Mid-Level',          4,  7, 3),
    ('senior',   'Senior',             7, 12, 4),
    ('lead',     'Lead',              10, 15, 5),
    ('manager',  'Manager',            8, 15, 6),
    ('director', 'Director',          12, 20, 7),
    ('vp',       'Vice President',    15, 25, 8),
    ('c_level',  'C-Level Executive', 20, 40, 9)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_organization_sizes (code, display_name, employee_min, employee_max, sort_order) VALUES
    ('startup',    'Startup (1-50)',          1,    50, 1),
    ('small',      'Small (51-200)',         51,   200, 2),
    ('medium',     'Medium (201-1000)',     201,  1000, 3),
    ('large',      'Large (1001-10000)',   1001, 10000, 4),
    ('enterprise', 'Enterprise (10000+)', 10001,  NULL, 5)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_technology_adoption (code, display_name, population_percentage, sort_order) VALUES
    ('innovator',      'Innovator',       2.5, 1),
    ('early_adopter',  'Early Adopter',  13.5, 2),
    ('early_majority', 'Early Majority', 34.0, 3),
    ('late_majority',  'Late Majority',  34.0, 4),
    ('laggard',        'Laggard',        16.0, 5)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_risk_tolerance (code, display_name, sort_order) VALUES
    ('very_low',  'Very Low',  1),
    ('low',       'Low',       2),
    ('moderate',  'Moderate',  3),
    ('high',      'High',      4),
    ('very_high', 'Very High', 5)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_change_readiness (code, display_name, sort_order) VALUES
    ('resistant', 'Resistant', 1),
    ('low',       'Low',       2),
    ('moderate',  'Moderate',  3),
    ('high',      'High',      4),
    ('very_high', 'Very High', 5)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_geographic_scopes (code, display_name, sort_order) VALUES
    ('local',          'Local',          1),
    ('regional',       'Regional',       2),
    ('national',       'National',       3),
    ('multi_national', 'Multi-National', 4),
    ('global',         'Global',         5)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_pain_point_categories (code, display_name, sort_order) VALUES
    ('process',        'Process',        1),
    ('tool',           'Tool',           2),
    ('data',           'Data',           3),
    ('organizational', 'Organizational', 4),
    ('resource',       'Resource',       5),
    ('compliance',     'Compliance',     6),
    ('communication',  'Communication',  7)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_severity_levels (code, display_name, sort_order) VALUES
    ('low',      'Low',      1),
    ('medium',   'Medium',   2),
    ('high',     'High',     3),
    ('critical', 'Critical', 4)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_frequency_levels (code, display_name, sort_order) VALUES
    ('rarely',    'Rarely',    1),
    ('sometimes', 'Sometimes', 2),
    ('often',     'Often',     3),
    ('always',    'Always',    4)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_timeframes (code, display_name, months_min, months_max, sort_order) VALUES
    ('immediate',   'Immediate',    0,    1, 1),
    ('short_term',  'Short Term',   1,    6, 2),
    ('medium_term', 'Medium Term',  6,   18, 3),
    ('long_term',   'Long Term',   18,   36, 4),
    ('strategic',   'Strategic',   36, NULL, 5)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_goal_types (code, display_name, sort_order) VALUES
    ('efficiency', 'Efficiency', 1),
    ('quality',    'Quality',    2),
    ('growth',     'Growth',     3),
    ('compliance', 'Compliance', 4),
    ('innovation', 'Innovation', 5),
    ('learning',   'Learning',   6),
    ('career',     'Career',     7)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_challenge_types (code, display_name, sort_order) VALUES
    ('technical',      'Technical',      1),
    ('organizational', 'Organizational', 2),
    ('resource',       'Resource',       3),
    ('knowledge',      'Knowledge',      4),
    ('regulatory',     'Regulatory',     5),
    ('competitive',    'Competitive',    6),
    ('cultural',       'Cultural',       7)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_trigger_types (code, display_name, sort_order) VALUES
    ('regulatory',          'Regulatory',          1),
    ('competitive',         'Competitive',         2),
    ('internal_initiative', 'Internal Initiative', 3),
    ('crisis',              'Crisis',              4),
    ('growth',              'Growth',              5),
    ('budget_cycle',        'Budget Cycle',        6)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_conference_types (code, display_name, sort_order) VALUES
    ('academic',   'Academic',   1),
    ('industry',   'Industry',   2),
    ('regulatory', 'Regulatory', 3),
    ('internal',   'Internal',   4)
ON CONFLICT (code) DO NOTHING;

INSERT INTO lookup_conference_roles (code, display_name, sort_order) VALUES
    ('attendee',  'Attendee',  1),
    ('speaker',   'Speaker',   2),
    ('panelist',  'Panelist',  3),
    ('organizer', 'Organizer', 4),
    ('sponsor',   'Sponsor',   5)
ON CONFLICT (code) DO NOTHING;
