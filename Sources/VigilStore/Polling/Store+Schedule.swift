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
                    SELECT MIN(next_poll_at) AS due FROM feeds WHERE enabled = 1 AND source = 'web'
                    UNION ALL
                    SELECT MIN(COALESCE(r.next_poll_at, r.created_at)) FROM github_repositories r
                    WHERE r.from_project = 0 OR r.managed_by_config = 1
                        OR (r.api_url = ? AND EXISTS (SELECT 1 FROM people p, \(projects)
                                                      WHERE lower(trim(j.value)) = lower(r.repo)))
                ) AS due_times
                """, [GitHubRepositorySpec.defaultAPIURL])
        }
    }
}
