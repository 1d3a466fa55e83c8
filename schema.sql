-- vigil database schema: the single source of truth.
-- Migration 1 runs this file as it is; later migrations append statements in
-- code and never edit what a deployed database already ran.
--
-- Conventions:
--   * timestamps are UTC text 'YYYY-MM-DD HH:MM:SS.SSS' (sortable, readable in sqlite3);
--   * list-valued columns hold a JSON array of strings, checked by json_valid();
--   * booleans are 0/1 with a CHECK;
--   * every foreign key says what happens when its parent goes.

-- Key/value facts about this database (schema version, creating release).
CREATE TABLE meta (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO meta (key, value) VALUES ('schema_version', '1');

-- Watched people. The name is the display name and the primary match key;
-- aliases may be in any script. context_terms are extra words that let a bare
-- surname count as a mention (projects, handles and the given name count too).
CREATE TABLE people (
    id                    INTEGER PRIMARY KEY,
    name                  TEXT NOT NULL UNIQUE COLLATE NOCASE
                              CHECK (length(trim(name)) > 0 AND length(name) <= 200),
    aliases               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(aliases) AND json_type(aliases) = 'array'),
    handles               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(handles) AND json_type(handles) = 'array'),
    projects              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(projects) AND json_type(projects) = 'array'),
    context_terms         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(context_terms) AND json_type(context_terms) = 'array'),
    surname_needs_context INTEGER NOT NULL DEFAULT 1 CHECK (surname_needs_context IN (0, 1)),
    managed_by_config     INTEGER NOT NULL DEFAULT 0 CHECK (managed_by_config IN (0, 1)),
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL
);

CREATE TABLE teams (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    managed_by_config INTEGER NOT NULL DEFAULT 0 CHECK (managed_by_config IN (0, 1)),
    created_at        TEXT NOT NULL
);

CREATE TABLE team_members (
    team_id   INTEGER NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, person_id)
) WITHOUT ROWID;

-- "Which teams is this person in" (the primary key serves the other direction).
CREATE INDEX team_members_by_person ON team_members(person_id);

-- Feeds and query-feed templates. A template's url holds '{query}' and expands
-- per watched name at poll time; health columns describe the last poll.
CREATE TABLE feeds (
    id                      INTEGER PRIMARY KEY,
    url                     TEXT NOT NULL UNIQUE CHECK (length(url) BETWEEN 1 AND 4096),
    kind                    TEXT NOT NULL DEFAULT 'feed' CHECK (kind IN ('feed', 'query')),
    title                   TEXT,
    site_url                TEXT,
    -- The feed's own description (RSS description, Atom subtitle): a blog that
    -- says an AI agent runs it says so here.
    description             TEXT,
    tags                    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    -- For templates: which watched terms expand it ('names', 'handles', 'projects';
    -- empty means names) and a pattern each term must match in full.
    query_terms             TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(query_terms) AND json_type(query_terms) = 'array'),
    query_term_pattern      TEXT,
    etag                    TEXT,
    last_modified           TEXT,
    interval_seconds        INTEGER NOT NULL DEFAULT 900 CHECK (interval_seconds > 0),
    next_poll_at            TEXT NOT NULL,
    consecutive_failures    INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
    last_polled_at          TEXT,
    last_success_at         TEXT,
    last_status             INTEGER,
    last_error              TEXT,
    last_bytes              INTEGER CHECK (last_bytes IS NULL OR last_bytes >= 0),
    last_duration_ms        INTEGER CHECK (last_duration_ms IS NULL OR last_duration_ms >= 0),
    redirect_candidate      TEXT,
    redirect_seen_count     INTEGER NOT NULL DEFAULT 0 CHECK (redirect_seen_count >= 0),
    enabled                 INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    disabled_reason         TEXT,
    managed_by_config       INTEGER NOT NULL DEFAULT 0 CHECK (managed_by_config IN (0, 1)),
    created_at              TEXT NOT NULL,
    CHECK (kind = 'feed' OR instr(url, '{query}') > 0)
);

-- The scheduler's "what is due" query.
CREATE INDEX feeds_due ON feeds(next_poll_at) WHERE enabled = 1;
-- `vigil status`: failing feeds.
CREATE INDEX feeds_failing ON feeds(consecutive_failures) WHERE consecutive_failures > 0;

-- Entries seen in feeds. Items that mention nobody keep only their dedupe
-- record (text NULL) and are pruned after the retention period.
CREATE TABLE items (
    id            INTEGER PRIMARY KEY,
    feed_id       INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    dedupe_key    TEXT NOT NULL CHECK (length(dedupe_key) > 0),
    url           TEXT,
    title         TEXT,
    author        TEXT,
    published_at  TEXT,
    text          TEXT,
    content_hash  TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL,
    UNIQUE (feed_id, dedupe_key)
);

-- "Same content at a new URL" is not scored again.
CREATE INDEX items_by_content_hash ON items(content_hash);
-- Retention pruning of items without text.
CREATE INDEX items_prunable ON items(last_seen_at) WHERE text IS NULL;
-- Per-author source statistics.
CREATE INDEX items_by_author ON items(author) WHERE author IS NOT NULL;

-- One finding per (item, person): an edited item updates its finding in place.
CREATE TABLE findings (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    person_id     INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    hostility     REAL NOT NULL CHECK (hostility BETWEEN 0 AND 1),
    agent         REAL NOT NULL CHECK (agent BETWEEN 0 AND 1),
    attack        REAL NOT NULL CHECK (attack BETWEEN 0 AND 1),
    severity      TEXT NOT NULL CHECK (severity IN ('none', 'low', 'medium', 'high')),
    evidence      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(evidence) AND json_type(evidence) = 'array'),
    model_version TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'acked')),
    label         TEXT CHECK (label IS NULL OR label IN ('hostile', 'benign', 'agent', 'human')),
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    UNIQUE (item_id, person_id)
);

-- `vigil findings ls --person P --since D`, digests per person.
CREATE INDEX findings_by_person ON findings(person_id, created_at);
-- `vigil findings ls --since D`, status counts, digests.
CREATE INDEX findings_by_time ON findings(created_at);
-- `vigil findings ls --min-severity S`.
CREATE INDEX findings_by_severity ON findings(severity, created_at);
-- Triage of unacknowledged findings.
CREATE INDEX findings_new ON findings(created_at) WHERE state = 'new';
-- `vigil train --with-feedback`.
CREATE INDEX findings_labelled ON findings(label) WHERE label IS NOT NULL;

-- Digests produced for a period and scope ('all', 'person:NAME', 'team:NAME').
-- The unique key makes "exactly once per period" hold across restarts.
CREATE TABLE digests (
    id           INTEGER PRIMARY KEY,
    period_start TEXT NOT NULL,
    period_end   TEXT NOT NULL,
    scope        TEXT NOT NULL DEFAULT 'all',
    format       TEXT NOT NULL CHECK (format IN ('text', 'markdown', 'html', 'json')),
    body         TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    CHECK (period_start < period_end),
    UNIQUE (period_start, period_end, scope, format)
);

-- Alerts to deliver, written in the same transaction as the finding they
-- announce. The idempotency key (per finding or digest, and channel) travels
-- with every attempt so receivers can drop repeats.
CREATE TABLE alert_outbox (
    id              INTEGER PRIMARY KEY,
    finding_id      INTEGER REFERENCES findings(id) ON DELETE CASCADE,
    digest_id       INTEGER REFERENCES digests(id) ON DELETE CASCADE,
    channel         TEXT NOT NULL CHECK (length(channel) > 0),
    payload         TEXT NOT NULL CHECK (json_valid(payload)),
    idempotency_key TEXT NOT NULL UNIQUE,
    attempts        INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TEXT NOT NULL,
    delivered_at    TEXT,
    failed_at       TEXT,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    CHECK ((finding_id IS NULL) <> (digest_id IS NULL)),
    CHECK (delivered_at IS NULL OR failed_at IS NULL)
);

-- The alerter's "what is due" query.
CREATE INDEX alert_outbox_pending ON alert_outbox(next_attempt_at)
    WHERE delivered_at IS NULL AND failed_at IS NULL;
-- `vigil status`: failed alerts.
CREATE INDEX alert_outbox_failed ON alert_outbox(failed_at) WHERE failed_at IS NOT NULL;
CREATE INDEX alert_outbox_by_finding ON alert_outbox(finding_id) WHERE finding_id IS NOT NULL;
CREATE INDEX alert_outbox_by_digest ON alert_outbox(digest_id) WHERE digest_id IS NOT NULL;

-- One row per poll cycle, for `vigil status` and the benchmarks.
CREATE TABLE cycles (
    id             INTEGER PRIMARY KEY,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    feeds_polled   INTEGER NOT NULL DEFAULT 0 CHECK (feeds_polled >= 0),
    feeds_failed   INTEGER NOT NULL DEFAULT 0 CHECK (feeds_failed >= 0),
    items_new      INTEGER NOT NULL DEFAULT 0 CHECK (items_new >= 0),
    findings_new   INTEGER NOT NULL DEFAULT 0 CHECK (findings_new >= 0)
);

CREATE INDEX cycles_by_start ON cycles(started_at);
