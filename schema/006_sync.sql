-- Persona Studio: the team library's state in the local file (not in the design; the design
-- has one database, a team has one per member plus the shared PostgreSQL one).
--
-- One remote per local tenant. Per persona, the base both sides last agreed on: a snapshot
-- (JSON with every id, written by the app) and a content hash of each side as it was then.
-- A conflict keeps their version until it is resolved. Never a password: the URL is stored
-- without one (the app strips it; the CHECK refuses a "user:password@" form outright).

CREATE TABLE sync_remotes (
    tenant_id TEXT PRIMARY KEY NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    url TEXT NOT NULL CHECK (url LIKE 'postgres://%' AND url NOT GLOB 'postgres://*:*@*'),
    -- The remote tenants(id) this tenant is linked to; NULL until the first contact picks or
    -- creates the remote tenant with the same key.
    remote_tenant_id TEXT,
    linked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- No foreign key to personas: a persona purged here keeps its base, so the next sync sees it
-- gone rather than new on the other side.
CREATE TABLE sync_bases (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    persona_id TEXT NOT NULL,
    snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
    local_hash TEXT NOT NULL,
    remote_hash TEXT NOT NULL,
    synced_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (tenant_id, persona_id)
);

CREATE TABLE sync_conflicts (
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    persona_id TEXT NOT NULL,
    -- Their version as last pulled (same JSON form as a base snapshot).
    theirs TEXT NOT NULL CHECK (json_valid(theirs)),
    detected_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (tenant_id, persona_id)
);
