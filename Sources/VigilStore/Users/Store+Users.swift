import Foundation

extension Store {
    /// Adds an account. The name must be new (ignoring case); team names are
    /// trimmed and kept once each.
    @discardableResult
    public func addUser(
        name: String, passwordHash: String, isAdmin: Bool, teams: [String], now: Date = Date()
    ) throws -> WebUser {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError.badInput("a user name cannot be empty") }
        guard trimmed.count <= 100 else { throw StoreError.badInput("a user name has at most 100 characters") }
        let teamNames = try Self.normalisedTeams(teams)
        return try writing { session in
            if try Self.fetchUser(named: trimmed, in: session) != nil {
                throw StoreError.badInput("there is already a user named '\(trimmed)'")
            }
            // A name another process took meanwhile is turned away by the
            // unique key, as the check above would have.
            guard let id = try session.insertReturningID(
                "INSERT INTO users (name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [trimmed, passwordHash, isAdmin, now])
            else { throw StoreError.badInput("there is already a user named '\(trimmed)'") }
            for team in teamNames {
                try session.execute("INSERT INTO user_teams (user_id, team) VALUES (?, ?)", [id, team])
            }
            return WebUser(id: id, name: trimmed, passwordHash: passwordHash, isAdmin: isAdmin, teams: teamNames, createdAt: now)
        }
    }

    /// Every account, by name.
    public func users() throws -> [WebUser] {
        try reading { session in
            let ids = try session.values(Int64.self, "SELECT id FROM users ORDER BY name COLLATE NOCASE")
            return try ids.compactMap { try Self.fetchUser(id: $0, in: session) }
        }
    }

    /// The account with this name (ignoring case), or nil.
    public func user(named name: String) throws -> WebUser? {
        try reading { session in try Self.fetchUser(named: name.trimmingCharacters(in: .whitespacesAndNewlines), in: session) }
    }

    /// The account with this ID, or nil (a session of a removed user).
    public func user(id: Int64) throws -> WebUser? {
        try reading { session in try Self.fetchUser(id: id, in: session) }
    }

    /// Removes an account; its actions stay in the audit log under its name.
    public func removeUser(named name: String) throws {
        try writing { session in
            let removed = try session.execute("DELETE FROM users WHERE name = ?", [name.trimmingCharacters(in: .whitespacesAndNewlines)])
            guard removed > 0 else { throw StoreError.badInput("no user named '\(name)'") }
        }
    }

    /// Replaces an account's password hash.
    public func setPasswordHash(_ hash: String, forUser name: String) throws {
        try writing { session in
            let changed = try session.execute(
                "UPDATE users SET password_hash = ? WHERE name = ?", [hash, name.trimmingCharacters(in: .whitespacesAndNewlines)])
            guard changed > 0 else { throw StoreError.badInput("no user named '\(name)'") }
        }
    }

    /// Records what a user did.
    public func recordAudit(_ entry: AuditEntry) throws {
        try writing { session in try Self.insertAudit(entry, in: session) }
    }

    /// Acknowledges a finding and records who did it, in one transaction so
    /// no acknowledgement goes unrecorded. Returns false when there is no such finding.
    public func acknowledgeFinding(_ id: Int64, by userName: String, now: Date = Date()) throws -> Bool {
        try writing { session in
            guard try session.value(Int64.self, "SELECT id FROM findings WHERE id = ?", [id]) != nil else { return false }
            try session.execute("UPDATE findings SET state = 'acked', updated_at = ? WHERE id = ? AND state = 'new'", [now, id])
            try Self.insertAudit(AuditEntry(userName: userName, action: "ack", findingID: id, detail: nil, at: now), in: session)
            return true
        }
    }

    /// Labels a finding and records who did it and their note, in one
    /// transaction. Returns false when there is no such finding.
    public func labelFinding(
        _ id: Int64, as label: FindingRecord.Label, note: String?, by userName: String, now: Date = Date()
    ) throws -> Bool {
        try writing { session in
            guard var finding = try session.fetchOne(FindingRecord.self, id: id) else { return false }
            finding.label = label
            finding.updatedAt = now
            try session.update(finding)
            let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            let detail = label.rawValue + (trimmedNote.map { $0.isEmpty ? "" : ": " + $0 } ?? "")
            try Self.insertAudit(AuditEntry(userName: userName, action: "label", findingID: id, detail: detail, at: now), in: session)
            return true
        }
    }

    /// What users did to a finding, oldest first.
    public func auditLog(findingID: Int64) throws -> [AuditEntry] {
        try reading { session in
            try session.rows("""
                SELECT user_name, action, finding_id, detail, at FROM audit_log WHERE finding_id = ? ORDER BY at, id
                """, [findingID]).map { row in
                AuditEntry(
                    userName: try row.get("user_name"), action: try row.get("action"), findingID: try row.get("finding_id", as: Int64?.self),
                    detail: try row.get("detail", as: String?.self), at: try row.get("at"))
            }
        }
    }

    /// What dashboard users did to feeds and people (entries about no
    /// finding), newest first.
    public func administrationLog(limit: Int = 50) throws -> [AuditEntry] {
        try reading { session in
            try session.rows("""
                SELECT user_name, action, finding_id, detail, at FROM audit_log WHERE finding_id IS NULL ORDER BY at DESC, id DESC LIMIT ?
                """, [limit]).map { row in
                AuditEntry(
                    userName: try row.get("user_name"), action: try row.get("action"), findingID: nil,
                    detail: try row.get("detail", as: String?.self), at: try row.get("at"))
            }
        }
    }

    /// The key that signs the dashboard's session cookies: read from the
    /// database, or made by `generate` and stored on first use, so that every
    /// `vigil serve` over one database accepts the same sessions and a new
    /// database invalidates them all. Two servers starting together on one
    /// PostgreSQL database both read back the key the first one stored.
    public func webSessionKey(generate: () -> String) throws -> String {
        try writing { session in
            let select = "SELECT value FROM meta WHERE key = 'web_session_key'"
            if let key = try session.value(String.self, select) {
                return key
            }
            let key = generate()
            try session.execute("INSERT INTO meta (key, value) VALUES ('web_session_key', ?) ON CONFLICT DO NOTHING", [key])
            return try session.value(String.self, select) ?? key
        }
    }

    static func insertAudit(_ entry: AuditEntry, in session: any SQLSession) throws {
        try session.execute(
            "INSERT INTO audit_log (user_name, action, finding_id, detail, at) VALUES (?, ?, ?, ?, ?)",
            [entry.userName, entry.action, entry.findingID, entry.detail, entry.at])
    }

    static func fetchUser(named name: String, in session: any SQLSession) throws -> WebUser? {
        guard let id = try session.value(Int64.self, "SELECT id FROM users WHERE name = ?", [name]) else { return nil }
        return try fetchUser(id: id, in: session)
    }

    static func fetchUser(id: Int64, in session: any SQLSession) throws -> WebUser? {
        guard let row = try session.row("SELECT * FROM users WHERE id = ?", [id]) else { return nil }
        let teams = try session.values(String.self, "SELECT team FROM user_teams WHERE user_id = ? ORDER BY team COLLATE NOCASE", [id])
        return WebUser(
            id: id, name: try row.get("name"), passwordHash: try row.get("password_hash"), isAdmin: try row.get("is_admin"),
            teams: teams, createdAt: try row.get("created_at"))
    }

    static func normalisedTeams(_ teams: [String]) throws -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for team in teams {
            let trimmed = team.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !trimmed.isEmpty else { throw StoreError.badInput("a team name cannot be empty") }
            if seen.insert(trimmed.lowercased()).inserted { names.append(trimmed) }
        }
        return names.sorted { $0.localizedCaseInsensitiveCompare($1) == .orderedAscending }
    }
}
