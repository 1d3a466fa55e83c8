import Foundation
import GRDB

/// The ordered list of schema migrations. Migration 1 is `schema.sql` exactly
/// as shipped; later ones are appended here and never edited once released.
enum Migrations {
    static func migrator() throws -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in try all() {
            migrator.registerMigration(migration.name) { db in
                try db.execute(sql: migration.sql)
            }
        }
        return migrator
    }

    /// Every migration in order, as SQLite SQL: SQLite runs them as they
    /// are, PostgreSQL through `PostgreSQLDialect`.
    static func all() throws -> [(name: String, sql: String)] {
        [
            ("1-schema", try bundledSchema()),
            ("2-finding-kinds", findingKinds),
            ("3-item-agent-scores", itemAgentScores),
            ("4-poller-lease", pollerLease),
            ("5-github-repositories", githubRepositories),
            ("6-discovery", discovery),
            ("7-web-users", webUsers),
            ("8-work-leases", workLeases),
            ("9-items-by-url", itemsByURL),
            ("10-link-leases", linkLeases),
        ]
    }

    /// Migration 2: what a finding is (an attack, coverage of one, or a mere
    /// mention) and, for coverage, the attack finding it covers.
    ///
    /// Findings stored before kinds existed get the kind the scorer's first
    /// rule gave: an attack when the severity is medium or high, otherwise a
    /// mention. None of them is coverage, since nothing told coverage apart;
    /// that only holds for findings scored from now on.
    ///
    /// `findings_by_related` serves the ON DELETE SET NULL: without it every
    /// deleted finding (a removed person cascades to thousands) would scan
    /// the table for findings that point at it.
    static let findingKinds = """
        ALTER TABLE findings ADD COLUMN kind TEXT NOT NULL DEFAULT 'mention'
            CHECK (kind IN ('attack', 'coverage', 'mention'));
        ALTER TABLE findings ADD COLUMN related_finding_id INTEGER REFERENCES findings(id) ON DELETE SET NULL;
        UPDATE findings SET kind = CASE WHEN severity IN ('medium', 'high') THEN 'attack' ELSE 'mention' END;
        -- `vigil findings ls --kind K`, digests by kind.
        CREATE INDEX findings_by_kind ON findings(kind, created_at);
        CREATE INDEX findings_by_related ON findings(related_finding_id) WHERE related_finding_id IS NOT NULL;
        UPDATE meta SET value = '2' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 2;
        """

    /// Every new or edited item keeps its text-only agent score, so the
    /// source prior reads a feed's or author's whole output rather than only
    /// the posts that mention someone. The indexes serve that history, newest
    /// first, by feed and by author (the author one replaces the plain index
    /// on author, which it covers). Older rows keep NULL: the history falls
    /// back to their findings' agent score.
    static let itemAgentScores = """
        ALTER TABLE items ADD COLUMN agent REAL CHECK (agent IS NULL OR agent BETWEEN 0 AND 1);
        CREATE INDEX items_by_feed_seen ON items(feed_id, first_seen_at);
        DROP INDEX IF EXISTS items_by_author;
        CREATE INDEX items_by_author_seen ON items(author, first_seen_at) WHERE author IS NOT NULL;
        UPDATE meta SET value = '3' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 3;
        """

    /// Migration 4: the single poller's lease, in the database itself. A lock
    /// file beside the database was keyed by the path as given, so a second
    /// poller reaching the same file through a symlink or another relative
    /// path polled beside the first and every alert went out twice. At most
    /// one row (id 1): who holds it (a random token, the process ID, the host
    /// and the command), since when, its last heartbeat and when it expires
    /// unless renewed.
    static let pollerLease = """
        CREATE TABLE poller_lease (
            id           INTEGER PRIMARY KEY CHECK (id = 1),
            token        TEXT NOT NULL,
            pid          INTEGER NOT NULL,
            host         TEXT NOT NULL,
            command      TEXT NOT NULL,
            started_at   TEXT NOT NULL,
            heartbeat_at TEXT NOT NULL,
            expires_at   TEXT NOT NULL
        );
        UPDATE meta SET value = '4' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 4;
        """

    /// Migration 5: GitHub repositories whose comments, closing events and
    /// closed pull requests vigil reads, declared in the config (`[[github]]`)
    /// or with `vigil github add`. A repository is known by its API address
    /// too: the same name on GitHub Enterprise is another repository. The
    /// token is never stored, only where to read it. The poll's own state
    /// (validators, the comments cursor, health) lives beside it.
    static let githubRepositories = """
        CREATE TABLE github_repositories (
            id                  INTEGER PRIMARY KEY,
            repo                TEXT NOT NULL,
            api_url             TEXT NOT NULL,
            token_env           TEXT,
            token_file          TEXT,
            managed_by_config   INTEGER NOT NULL DEFAULT 0,
            created_at          TEXT NOT NULL,
            comments_since      TEXT,
            comments_etag       TEXT,
            events_etag         TEXT,
            pulls_etag          TEXT,
            next_poll_at        TEXT,
            last_polled_at      TEXT,
            last_error          TEXT,
            UNIQUE (repo COLLATE NOCASE, api_url)
        );
        UPDATE meta SET value = '5' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 5;
        """

    /// Migration 6: discovery along the GitHub trail.
    ///
    /// - A feed row has a `source`: `web` for the feeds users subscribe, or
    ///   the row that holds the items of a watched GitHub repository's
    ///   comments (`github`) or of the pages followed on one site (`page`).
    ///   Items and findings need a feed row; only `web` rows are fetched as
    ///   feeds and listed by `feeds ls`.
    /// - Why a feed was added: `added_reason` in words, and for a feed
    ///   subscribed by following an attacker, the finding it came from and
    ///   the GitHub account whose trail led there.
    /// - A repository watched because a person lists it in `projects`
    ///   (`from_project`) rather than by the config or the CLI.
    /// - Closed pull requests of watched repositories, with who closed them
    ///   (from the issue events): the correlation's facts.
    /// - Followed links, each URL once, with the account that linked it.
    /// - On a finding, the closed pull request its author's trail leads to.
    static let discovery = """
        ALTER TABLE feeds ADD COLUMN source TEXT NOT NULL DEFAULT 'web' CHECK (source IN ('web', 'github', 'page'));
        ALTER TABLE feeds ADD COLUMN added_reason TEXT;
        ALTER TABLE feeds ADD COLUMN followed_finding_id INTEGER REFERENCES findings(id) ON DELETE SET NULL;
        ALTER TABLE feeds ADD COLUMN followed_account TEXT;
        CREATE INDEX feeds_by_followed_finding ON feeds(followed_finding_id) WHERE followed_finding_id IS NOT NULL;
        ALTER TABLE github_repositories ADD COLUMN from_project INTEGER NOT NULL DEFAULT 0 CHECK (from_project IN (0, 1));
        CREATE TABLE github_pull_requests (
            id              INTEGER PRIMARY KEY,
            repository_id   INTEGER NOT NULL REFERENCES github_repositories(id) ON DELETE CASCADE,
            number          INTEGER NOT NULL CHECK (number > 0),
            html_url        TEXT NOT NULL,
            title           TEXT NOT NULL DEFAULT '',
            author_login    TEXT COLLATE NOCASE,
            author_type     TEXT,
            closed_at       TEXT,
            merged_at       TEXT,
            closed_by       TEXT COLLATE NOCASE,
            UNIQUE (repository_id, number)
        );
        -- The correlation: closed pull requests of one author, newest first.
        CREATE INDEX github_pull_requests_by_author ON github_pull_requests(author_login, closed_at);
        CREATE TABLE followed_links (
            id          INTEGER PRIMARY KEY,
            url         TEXT NOT NULL UNIQUE CHECK (length(url) BETWEEN 1 AND 4096),
            host        TEXT NOT NULL COLLATE NOCASE,
            from_url    TEXT,
            linked_by   TEXT COLLATE NOCASE,
            state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'fetched', 'failed')),
            detail      TEXT,
            queued_at   TEXT NOT NULL,
            fetched_at  TEXT
        );
        CREATE INDEX followed_links_pending ON followed_links(queued_at) WHERE state = 'pending';
        -- "Which accounts linked to this site."
        CREATE INDEX followed_links_by_host ON followed_links(host) WHERE linked_by IS NOT NULL;
        ALTER TABLE findings ADD COLUMN closed_pull_request TEXT
            CHECK (closed_pull_request IS NULL OR json_valid(closed_pull_request));
        UPDATE meta SET value = '6' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 6;
        """

    /// Migration 7: the dashboard's accounts. A user signs in with a name and a
    /// password (only its bcrypt hash is kept), sees the findings about the
    /// people of their teams (or everyone's, as an admin), and every triage
    /// action they take is kept in `audit_log` with their name. A user's teams
    /// are names, not rows of `teams`: an account may be made for a team
    /// before anyone in it is watched. The log keeps the name as it was, so
    /// removing a user leaves their actions on record.
    static let webUsers = """
        CREATE TABLE users (
            id            INTEGER PRIMARY KEY,
            name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0 AND length(name) <= 100),
            password_hash TEXT NOT NULL,
            is_admin      INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1)),
            created_at    TEXT NOT NULL
        );
        CREATE TABLE user_teams (
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            team    TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(team)) > 0),
            PRIMARY KEY (user_id, team)
        ) WITHOUT ROWID;
        CREATE TABLE audit_log (
            id         INTEGER PRIMARY KEY,
            user_name  TEXT NOT NULL,
            action     TEXT NOT NULL,
            finding_id INTEGER REFERENCES findings(id) ON DELETE SET NULL,
            detail     TEXT,
            at         TEXT NOT NULL
        );
        -- A finding's history, oldest first.
        CREATE INDEX audit_log_by_finding ON audit_log(finding_id, at) WHERE finding_id IS NOT NULL;
        UPDATE meta SET value = '7' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 7;
        """

    /// Migration 8: sharing the work between several workers on one
    /// PostgreSQL. A due feed, a due repository and a pending alert are each
    /// leased by one worker (`lease_owner`) until `lease_expires_at`; a worker
    /// that dies loses its leases when they expire, and another takes them.
    /// `workers` lists the workers seen, with their last heartbeat and cycle.
    /// SQLite databases get the same columns (one poller needs no lease).
    static let workLeases = """
        ALTER TABLE feeds ADD COLUMN lease_owner TEXT;
        ALTER TABLE feeds ADD COLUMN lease_expires_at TEXT;
        ALTER TABLE github_repositories ADD COLUMN lease_owner TEXT;
        ALTER TABLE github_repositories ADD COLUMN lease_expires_at TEXT;
        ALTER TABLE alert_outbox ADD COLUMN lease_owner TEXT;
        ALTER TABLE alert_outbox ADD COLUMN lease_expires_at TEXT;
        CREATE TABLE workers (
            id               TEXT PRIMARY KEY NOT NULL,
            host             TEXT NOT NULL,
            pid              INTEGER NOT NULL,
            command          TEXT NOT NULL,
            started_at       TEXT NOT NULL,
            heartbeat_at     TEXT NOT NULL,
            last_cycle_at    TEXT,
            last_cycle_feeds INTEGER
        );
        CREATE INDEX feeds_leased ON feeds(lease_expires_at) WHERE lease_owner IS NOT NULL;
        CREATE INDEX alert_outbox_leased ON alert_outbox(lease_expires_at) WHERE lease_owner IS NOT NULL;
        UPDATE meta SET value = '8' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 8;
        """

    /// Migration 9: items by address. Each new entry's address is looked up
    /// (is it a page already followed, is a link already an item); without
    /// the index every lookup read the whole table, and a first cycle over
    /// 10,000 feeds did not finish.
    static let itemsByURL = """
        CREATE INDEX items_by_url ON items(url) WHERE url IS NOT NULL;
        UPDATE meta SET value = '9' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 9;
        """

    /// Migration 10: links to follow are leased like feeds, so that of
    /// several workers on PostgreSQL exactly one fetches each.
    static let linkLeases = """
        ALTER TABLE followed_links ADD COLUMN lease_owner TEXT;
        ALTER TABLE followed_links ADD COLUMN lease_expires_at TEXT;
        UPDATE meta SET value = '10' WHERE key = 'schema_version' AND CAST(value AS INTEGER) < 10;
        """

    /// The schema compiled into the binary from `schema.sql`, so an installed
    /// vigil needs no resource folder beside it.
    static func bundledSchema() throws -> String {
        guard let schema = String(bytes: PackageResources.schema_sql, encoding: .utf8), !schema.isEmpty else {
            throw StoreError("the schema compiled into vigil is not UTF-8 text; rebuild vigil", isBadInput: false)
        }
        return schema
    }
}
