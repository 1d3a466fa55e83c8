import Foundation

extension Store {
    /// When the next enabled feed or watched GitHub repository falls due, or
    /// nil when there is none. One read of two small indexes' worth, cheap
    /// enough for the daemon to ask every couple of seconds, which is how a
    /// feed added with the CLI is noticed at once. A repository never polled
    /// is due since it was added; one watched only as a project that no
    /// person lists any more is not polled, so it is not waited for.
    public func nextFeedDue() throws -> Date? {
        try reading { session in
            let projects = session.kind == .sqlite ? "json_each(p.projects) j" : "jsonb_array_elements_text(p.projects::jsonb) AS j(value)"
            return try session.value(Date.self, """
                SELECT MIN(due) FROM (
                    SELECT MIN(\(Self.dueAfterLease("next_poll_at", session.kind))) AS due FROM feeds WHERE enabled = 1 AND source = 'web'
                    UNION ALL
                    SELECT MIN(\(Self.dueAfterLease("COALESCE(r.next_poll_at, r.created_at)", session.kind, table: "r."))) FROM github_repositories r
                    WHERE r.from_project = 0 OR r.managed_by_config = 1
                        OR (r.api_url = ? AND EXISTS (SELECT 1 FROM people p, \(projects)
                                                      WHERE lower(trim(j.value)) = lower(r.repo)))
                ) AS due_times
                """, [GitHubRepositorySpec.defaultAPIURL])
        }
    }

    /// SQL: when a row due at `due` can next be taken: a row another worker
    /// holds leased is out of reach until its lease ends, so a worker waits
    /// for that rather than wake at once to find nothing it may take. On
    /// SQLite nothing is leased, and the plain column keeps to its index.
    static func dueAfterLease(_ due: String, _ kind: SQLDatabaseKind, table: String = "") -> String {
        guard kind == .postgreSQL else { return due }
        return "CASE WHEN \(table)lease_owner IS NOT NULL AND \(table)lease_expires_at > \(due) THEN \(table)lease_expires_at ELSE \(due) END"
    }
}
