import Foundation

extension Store {
    /// Adds a repository with the CLI. One already declared (by name, any
    /// case, at the same API address) is bad input.
    @discardableResult
    public func addGitHubRepository(_ spec: GitHubRepositorySpec, now: Date = Date()) throws -> GitHubRepositoryRecord {
        let spec = try spec.validated()
        return try writing { session in
            if let existing = try Self.githubRepository(spec.repo, apiURL: spec.apiURL, in: session) {
                throw StoreError.badInput("\(existing.repo) at \(existing.apiUrl) is already watched")
            }
            var record = GitHubRepositoryRecord(
                repo: spec.repo, apiUrl: spec.apiURL, tokenEnv: spec.tokenEnv, tokenFile: spec.tokenFile, createdAt: now)
            try session.insert(&record)
            return record
        }
    }

    /// Removes a repository added with the CLI; one declared in the config
    /// file is removed there. With several API addresses for one name,
    /// `apiURL` says which.
    public func removeGitHubRepository(_ repo: String, apiURL: String? = nil) throws {
        let repo = repo.trimmingCharacters(in: .whitespacesAndNewlines)
        try writing { session in
            var sql = "SELECT * FROM github_repositories WHERE repo = ? COLLATE NOCASE"
            var arguments: [any SQLValueConvertible] = [repo]
            if let apiURL {
                sql += " AND api_url = ?"
                arguments.append(try GitHubRepositorySpec(repo: repo, apiURL: apiURL).validated().apiURL)
            }
            let matches = try session.fetch(GitHubRepositoryRecord.self, sql, arguments)
            guard let record = matches.first else { throw StoreError.badInput("no such repository: \(repo)") }
            guard matches.count == 1 else {
                throw StoreError.badInput("\(repo) is watched at \(matches.map(\.apiUrl).joined(separator: " and ")); say which with --api-url")
            }
            if record.managedByConfig {
                throw StoreError.badInput("\(record.repo) is declared in the config file; remove it there")
            }
            try session.delete(GitHubRepositoryRecord.self, id: record.id!)
        }
    }

    /// Every watched repository, by name.
    public func githubRepositories() throws -> [GitHubRepositoryRecord] {
        try reading { session in
            try session.fetch(GitHubRepositoryRecord.self, "SELECT * FROM github_repositories ORDER BY repo COLLATE NOCASE, api_url")
        }
    }

    /// Makes the config-managed repositories match `specs` in one
    /// transaction: new ones are added, changed token settings updated, and
    /// those no longer declared removed. Repositories added with the CLI are
    /// left alone; a declared one that collides with one adopts it.
    /// Returns how many were added, updated and removed.
    @discardableResult
    public func syncGitHubRepositories(_ specs: [GitHubRepositorySpec], now: Date = Date()) throws -> (added: Int, updated: Int, removed: Int) {
        let specs = try specs.map { try $0.validated() }
        return try writing { session in
            var added = 0, updated = 0
            var keep = Set<Int64>()
            for spec in specs {
                if var record = try Self.githubRepository(spec.repo, apiURL: spec.apiURL, in: session) {
                    let before = record
                    record.tokenEnv = spec.tokenEnv
                    record.tokenFile = spec.tokenFile
                    record.managedByConfig = true
                    if record != before {
                        try session.update(record)
                        updated += 1
                    }
                    keep.insert(record.id!)
                } else {
                    var record = GitHubRepositoryRecord(
                        repo: spec.repo, apiUrl: spec.apiURL, tokenEnv: spec.tokenEnv, tokenFile: spec.tokenFile,
                        managedByConfig: true, createdAt: now)
                    try session.insert(&record)
                    keep.insert(record.id!)
                    added += 1
                }
            }
            let stale = try session.fetch(GitHubRepositoryRecord.self, "SELECT * FROM github_repositories WHERE managed_by_config = 1")
                .filter { !keep.contains($0.id!) }
            for record in stale { try session.delete(GitHubRepositoryRecord.self, id: record.id!) }
            return (added, updated, stale.count)
        }
    }

    static func githubRepository(_ repo: String, apiURL: String, in session: any SQLSession) throws -> GitHubRepositoryRecord? {
        try session.fetchOne(
            GitHubRepositoryRecord.self, "SELECT * FROM github_repositories WHERE repo = ? COLLATE NOCASE AND api_url = ?", [repo, apiURL])
    }
}
