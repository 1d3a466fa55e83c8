import Foundation
import GRDB
import Logging
import Testing
@testable import VigilStore
@testable import VigilWeb

/// A database with two teams' people and their findings, two accounts, and
/// the dashboard serving it on a free loopback port for one test.
///
/// Ada Lovelace is in team core, Grace Hopper in team infra. Ada's attack
/// comes from a feed whose URL holds credentials and whose title and text
/// carry markup an attacker would plant; Grace's attack is plain.
/// `alice` (team core) and `root` (admin) sign in with `password`.
final class DashboardWorld: @unchecked Sendable {
    static let password = "correct horse battery"
    static let hostileTitle = "<script>alert('owned')</script> Gatekeeping in Open Source"

    let folder: URL
    let store: Store
    let adaFinding: Int64
    let graceFinding: Int64
    let port: Int
    private let server: Task<Void, any Error>

    init() async throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store.open(at: folder.appendingPathComponent("vigil.db").path)
        try store.addPerson(PersonSpec(name: "Ada Lovelace", teams: ["core"]))
        try store.addPerson(PersonSpec(name: "Grace Hopper", teams: ["infra"]))
        let people = Dictionary(uniqueKeysWithValues: try store.people().map { ($0.person.name, $0.person.id!) })
        let now = Date()
        let ids = try store.write { db in
            var feed = FeedRecord(
                url: "https://reader:hunter2@feeds.example/agent.xml?token=s3cret", title: "Patchwright <b>blog</b>",
                nextPollAt: now, createdAt: now)
            try feed.insert(db)
            var hostile = ItemRecord(
                feedId: feed.id!, dedupeKey: "hostile", url: "https://blog.example/gatekeeping\"><script>x</script>",
                title: Self.hostileTitle, author: "patchwright<img src=x onerror=alert(1)>",
                text: "Ada is protecting her fiefdom.", contentHash: "h1", firstSeenAt: now, lastSeenAt: now)
            try hostile.insert(db)
            var ada = FindingRecord(
                itemId: hostile.id!, personId: people["Ada Lovelace"]!, hostility: 0.91, agent: 0.88, attack: 0.87,
                severity: .high, kind: .attack,
                evidence: [Evidence(kind: .hostile, start: 0, end: 30, score: 0.93, text: "Ada is <em>protecting</em> her fiefdom.")],
                modelVersion: "test-model", createdAt: now, updatedAt: now)
            try ada.insert(db)
            var plain = ItemRecord(
                feedId: feed.id!, dedupeKey: "plain", url: "https://blog.example/hopper", title: "Hopper blocks progress",
                contentHash: "h2", firstSeenAt: now, lastSeenAt: now)
            try plain.insert(db)
            var grace = FindingRecord(
                itemId: plain.id!, personId: people["Grace Hopper"]!, hostility: 0.7, agent: 0.2, attack: 0.65,
                severity: .medium, kind: .attack, evidence: [], modelVersion: "test-model", createdAt: now, updatedAt: now)
            try grace.insert(db)
            return (ada.id!, grace.id!)
        }
        adaFinding = ids.0
        graceFinding = ids.1
        let hash = PasswordHashing.hash(Self.password, cost: 4)
        try store.addUser(name: "alice", passwordHash: hash, isAdmin: false, teams: ["core"])
        try store.addUser(name: "root", passwordHash: hash, isAdmin: true, teams: [])

        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var server = DashboardServer(store: store, host: "127.0.0.1", port: 0, logger: Logger(label: "vigil.web.test")) { port in
            continuation.yield(port)
            continuation.finish()
        }
        server.passwordCost = 4
        self.server = Task { [server] in
            defer { continuation.finish() }
            try await server.run()
        }
        var listening: Int?
        for await port in ports { listening = port }
        guard let listening else { throw LoopbackBrowser.Failure(description: "the dashboard did not start") }
        port = listening
    }

    deinit {
        server.cancel()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Adds a finding about `person` from the first feed, on an item of its own titled `title`.
    @discardableResult
    func insertFinding(
        person: String, kind: FindingKind, severity: Severity = .medium, createdAt: Date, title: String,
        agent: Double = 0.2, feedID: Int64? = nil
    ) throws -> Int64 {
        try store.write { db in
            let personID = try #require(try PersonRecord.filter(Column("name") == person).fetchOne(db)?.id)
            let feedID = try feedID ?? #require(try FeedRecord.order(Column("id")).fetchOne(db)?.id)
            var item = ItemRecord(
                feedId: feedID, dedupeKey: UUID().uuidString, url: "https://blog.example/\(UUID().uuidString)", title: title,
                contentHash: UUID().uuidString, firstSeenAt: createdAt, lastSeenAt: createdAt)
            try item.insert(db)
            var finding = FindingRecord(
                itemId: item.id!, personId: personID, hostility: 0.5, agent: agent, attack: kind == .attack ? 0.7 : 0.1,
                severity: severity, kind: kind, evidence: [], modelVersion: "test-model", createdAt: createdAt, updatedAt: createdAt)
            try finding.insert(db)
            return finding.id!
        }
    }

    func browser() -> LoopbackBrowser {
        LoopbackBrowser(port: port)
    }

    /// A browser signed in as `name`.
    func signedIn(_ name: String) async throws -> LoopbackBrowser {
        let browser = browser()
        let form = try await browser.get("/login")
        let response = try await browser.post("/login", form: [("csrf", form.csrfToken ?? ""), ("name", name), ("password", Self.password)])
        guard response.status == 303, browser.cookies["vigil_session"] != nil else {
            throw LoopbackBrowser.Failure(description: "sign-in as \(name) failed with \(response.status)")
        }
        return browser
    }
}
