import Foundation
import GRDB

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
        return try write { db in
            if try Self.fetchUser(named: trimmed, in: db) != nil {
                throw StoreError.badInput("there is already a user named '\(trimmed)'")
            }
            try db.execute(
                sql: "INSERT INTO users (name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?)",
                arguments: [trimmed, passwordHash, isAdmin, now])
            let id = db.lastInsertedRowID
            for team in teamNames {
                try db.execute(sql: "INSERT INTO user_teams (user_id, team) VALUES (?, ?)", arguments: [id, team])
            }
            return WebUser(id: id, name: trimmed, passwordHash: passwordHash, isAdmin: isAdmin, teams: teamNames, createdAt: now)
        }
    }

    /// Every account, by name.
    public func users() throws -> [WebUser] {
        try read { db in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM users ORDER BY name COLLATE NOCASE")
            return try ids.compactMap { try Self.fetchUser(id: $0, in: db) }
        }
    }

    /// The account with this name (ignoring case), or nil.
    public func user(named name: String) throws -> WebUser? {
        try read { db in try Self.fetchUser(named: name.trimmingCharacters(in: .whitespacesAndNewlines), in: db) }
    }

    /// The account with this ID, or nil (a session of a removed user).
    public func user(id: Int64) throws -> WebUser? {
        try read { db in try Self.fetchUser(id: id, in: db) }
    }

    /// Removes an account; its actions stay in the audit log under its name.
    public func removeUser(named name: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM users WHERE name = ?", arguments: [name.trimmingCharacters(in: .whitespacesAndNewlines)])
            guard db.changesCount > 0 else { throw StoreError.badInput("no user named '\(name)'") }
        }
    }

    /// Replaces an account's password hash.
    public func setPasswordHash(_ hash: String, forUser name: String) throws {
        try write { db in
            try db.execute(
                sql: "UPDATE users SET password_hash = ? WHERE name = ?",
                arguments: [hash, name.trimmingCharacters(in: .whitespacesAndNewlines)])
            guard db.changesCount > 0 else { throw StoreError.badInput("no user named '\(name)'") }
        }
    }

    /// Records what a user did.
    public func recordAudit(_ entry: AuditEntry) throws {
        try write { db in try Self.insertAudit(entry, in: db) }
    }

    /// Acknowledges a finding and records who did it, in one transaction so
    /// no acknowledgement goes unrecorded. Returns false when there is no such finding.
    public func acknowledgeFinding(_ id: Int64, by userName: String, now: Date = Date()) throws -> Bool {
        try write { db in
            guard try FindingRecord.fetchOne(db, key: id) != nil else { return false }
            try db.execute(sql: "UPDATE findings SET state = 'acked', updated_at = ? WHERE id = ? AND state = 'new'", arguments: [now, id])
            try Self.insertAudit(AuditEntry(userName: userName, action: "ack", findingID: id, detail: nil, at: now), in: db)
            return true
        }
    }

    /// Labels a finding and records who did it and their note, in one
    /// transaction. Returns false when there is no such finding.
    public func labelFinding(
        _ id: Int64, as label: FindingRecord.Label, note: String?, by userName: String, now: Date = Date()
    ) throws -> Bool {
        try write { db in
            guard var finding = try FindingRecord.fetchOne(db, key: id) else { return false }
            finding.label = label
            finding.updatedAt = now
            try finding.update(db)
            let trimmedNote = note?.trimmingCharacters(in: .whitespacesAndNewlines)
            let detail = label.rawValue + (trimmedNote.map { $0.isEmpty ? "" : ": " + $0 } ?? "")
            try Self.insertAudit(AuditEntry(userName: userName, action: "label", findingID: id, detail: detail, at: now), in: db)
            return true
        }
    }

    /// What users did to a finding, oldest first.
    public func auditLog(findingID: Int64) throws -> [AuditEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT user_name, action, finding_id, detail, at FROM audit_log WHERE finding_id = ? ORDER BY at, id
                """, arguments: [findingID]).map { row in
                AuditEntry(userName: row["user_name"], action: row["action"], findingID: row["finding_id"], detail: row["detail"], at: row["at"])
            }
        }
    }

    /// The key that signs the dashboard's session cookies: read from the
    /// database, or made by `generate` and stored on first use, so that every
    /// `vigil serve` over one database accepts the same sessions and a new
    /// database invalidates them all.
    public func webSessionKey(generate: () -> String) throws -> String {
        try write { db in
            if let key = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'web_session_key'") {
                return key
            }
            let key = generate()
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('web_session_key', ?)", arguments: [key])
            return key
        }
    }

    static func insertAudit(_ entry: AuditEntry, in db: Database) throws {
        try db.execute(
            sql: "INSERT INTO audit_log (user_name, action, finding_id, detail, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [entry.userName, entry.action, entry.findingID, entry.detail, entry.at])
    }

    static func fetchUser(named name: String, in db: Database) throws -> WebUser? {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM users WHERE name = ?", arguments: [name]) else { return nil }
        return try fetchUser(id: id, in: db)
    }

    static func fetchUser(id: Int64, in db: Database) throws -> WebUser? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM users WHERE id = ?", arguments: [id]) else { return nil }
        let teams = try String.fetchAll(
            db, sql: "SELECT team FROM user_teams WHERE user_id = ? ORDER BY team COLLATE NOCASE", arguments: [id])
        return WebUser(
            id: id, name: row["name"], passwordHash: row["password_hash"], isAdmin: row["is_admin"], teams: teams,
            createdAt: row["created_at"])
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
