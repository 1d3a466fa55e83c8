import Foundation

extension Store {
    /// The repositories to poll now: those declared in the config or with
    /// the CLI, and those of watched people's `projects` that look like
    /// `owner/name` (on `https://api.github.com`), each made a row on first
    /// sight so its poll state is kept. A project row no person lists any
    /// more is left alone and not polled.
    public func githubRepositoriesToPoll(now: Date, dueOnly: Bool) throws -> [GitHubRepositoryRecord] {
        try writing { session in
            let projects = try Self.watchProjectRepositories(now: now, in: session)
            let apiURL = GitHubRepositorySpec.defaultAPIURL
            let candidates: [GitHubRepositoryRecord]
            if dueOnly || session.kind == .postgreSQL {
                // Workers on PostgreSQL share one schedule: each takes only due rows, leased.
                candidates = try leaseDue(
                    GitHubRepositoryRecord.self, due: "COALESCE(next_poll_at, created_at) <= ?", arguments: [now],
                    order: "COALESCE(next_poll_at, created_at), id", limit: 10_000, now: now, in: session)
            } else {
                candidates = try session.fetch(
                    GitHubRepositoryRecord.self, "SELECT * FROM github_repositories ORDER BY COALESCE(next_poll_at, created_at), id")
            }
            return candidates.filter { record in
                !(record.fromProject && !record.managedByConfig && (projects[record.repo.lowercased()] == nil || record.apiUrl != apiURL))
            }.sorted { ($0.nextPollAt ?? $0.createdAt, $0.id ?? 0) < ($1.nextPollAt ?? $1.createdAt, $1.id ?? 0) }
        }
    }

    /// Makes a row for each watched person's project that names a
    /// repository (`owner/name`) and has none, so that its first poll is
    /// scheduled at once. Runs on every config sync and at every cycle.
    public func watchProjectRepositories(now: Date = Date()) throws {
        try writing { session in _ = try Self.watchProjectRepositories(now: now, in: session) }
    }

    /// The projects that name a repository, by lowercased name, after making their rows.
    static func watchProjectRepositories(now: Date, in session: any SQLSession) throws -> [String: String] {
        var projects: [String: String] = [:]
        for text in try session.values(String.self, "SELECT projects FROM people") {
            for project in (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? [] {
                let name = project.trimmingCharacters(in: .whitespacesAndNewlines)
                if GitHubRepositorySpec.isRepositoryName(name) { projects[name.lowercased()] = name }
            }
        }
        let apiURL = GitHubRepositorySpec.defaultAPIURL
        for (_, name) in projects.sorted(by: { $0.key < $1.key }) where try githubRepository(name, apiURL: apiURL, in: session) == nil {
            // Another worker may make the same row at the same time.
            var record = GitHubRepositoryRecord(repo: name, apiUrl: apiURL, fromProject: true, createdAt: now)
            try session.insert(&record, ignoringConflicts: true)
        }
        return projects
    }

    /// Writes a repository's poll state: validators, the comments cursor,
    /// schedule and health. What the config or CLI owns is left as stored.
    public func saveGitHubPollState(_ record: GitHubRepositoryRecord) throws {
        guard let id = record.id else { return }
        try writing { session in
            try session.execute("""
                UPDATE github_repositories SET comments_since = ?, comments_etag = ?, events_etag = ?, pulls_etag = ?,
                next_poll_at = ?, last_polled_at = ?, last_error = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = ?
                """, [
                    record.commentsSince, record.commentsEtag, record.eventsEtag, record.pullsEtag,
                    record.nextPollAt, record.lastPolledAt, record.lastError, id,
                ])
        }
    }

    /// Stores closed pull requests (updating those known) and who closed
    /// which, from the issue events: `closers` maps a number to the login.
    public func storePullRequests(_ pulls: [PullRequestRecord], closers: [Int: String], repositoryID: Int64) throws {
        guard !pulls.isEmpty || !closers.isEmpty else { return }
        try writing { session in
            for var pull in pulls {
                pull.repositoryId = repositoryID
                if let existing = try session.fetchOne(
                    PullRequestRecord.self, "SELECT * FROM github_pull_requests WHERE repository_id = ? AND number = ?",
                    [repositoryID, pull.number]) {
                    pull.id = existing.id
                    pull.closedBy = pull.closedBy ?? existing.closedBy
                    try session.update(pull)
                } else {
                    try session.insert(&pull)
                }
            }
            for (number, login) in closers {
                try session.execute(
                    "UPDATE github_pull_requests SET closed_by = ? WHERE repository_id = ? AND number = ?", [login, repositoryID, number])
            }
        }
    }

    /// The pull requests of a repository that a watched person closed
    /// without merging, by number: comments on them are followed.
    public func pullRequestsClosedByWatchedPeople(repositoryID: Int64) throws -> [Int: PullRequestRecord] {
        try reading { session in
            let pulls = try session.fetch(PullRequestRecord.self, """
                SELECT pr.* FROM github_pull_requests pr
                WHERE pr.repository_id = ? AND pr.merged_at IS NULL AND pr.closed_by IS NOT NULL
                AND \(Self.closedByWatchedPerson(session.kind))
                """, [repositoryID])
            return Dictionary(pulls.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// SQL: `pr.closed_by` is a handle of a watched person (with or without `@`).
    static func closedByWatchedPerson(_ kind: SQLDatabaseKind) -> String {
        let handles = kind == .sqlite ? "json_each(p.handles) h" : "jsonb_array_elements_text(p.handles::jsonb) AS h(value)"
        return """
            EXISTS (SELECT 1 FROM people p, \(handles)
                    WHERE lower(ltrim(h.value, '@')) = lower(pr.closed_by))
            """
    }

    /// The closed pull request that traces an item to a rejected
    /// contribution: one `account` opened, a watched person closed without
    /// merging, in the `window` before `time`. With no account, the accounts
    /// that linked to the item's `host` in a followed comment count.
    static func closedPullRequest(
        account: String?, host: String?, before time: Date, window: TimeInterval, in session: any SQLSession
    ) throws -> ClosedPullRequest? {
        var accounts: [String] = []
        if let account, !account.isEmpty { accounts.append(account) }
        if let host, !host.isEmpty {
            accounts += try session.values(
                String.self, "SELECT DISTINCT linked_by FROM followed_links WHERE host = ? AND linked_by IS NOT NULL ORDER BY linked_by",
                [host.lowercased()])
        }
        let sql = """
            SELECT pr.*, r.repo AS repo FROM github_pull_requests pr JOIN github_repositories r ON r.id = pr.repository_id
            WHERE pr.author_login = ? AND pr.merged_at IS NULL AND pr.closed_by IS NOT NULL
            AND pr.closed_at >= ? AND pr.closed_at <= ? AND \(closedByWatchedPerson(session.kind))
            ORDER BY pr.closed_at DESC LIMIT 1
            """
        for login in accounts {
            guard let row = try session.row(sql, [login, time.addingTimeInterval(-window), time]) else { continue }
            let pull = try RecordColumns.decode(PullRequestRecord.self, from: row)
            guard let closedAt = pull.closedAt, let closedBy = pull.closedBy else { continue }
            return ClosedPullRequest(
                repo: try row.get("repo"), number: pull.number, url: pull.htmlUrl, title: pull.title,
                author: pull.authorLogin ?? login, closedBy: closedBy, closedAt: closedAt)
        }
        return nil
    }
}
