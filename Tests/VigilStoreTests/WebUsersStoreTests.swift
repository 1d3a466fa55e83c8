import Foundation
import GRDB
import Testing
@testable import VigilStore

/// The dashboard's accounts, the audit log of their actions, and the
/// findings a user's teams let them see.
@Suite struct WebUsersStoreTests {
    @Test func accountsAreUniqueIgnoringCaseAndKeepTheirTeams() throws {
        let database = try TemporaryDatabase()
        let store = database.store
        let alice = try store.addUser(name: " alice ", passwordHash: "h1", isAdmin: false, teams: ["infra", "Core", "core"])
        #expect(alice.name == "alice")
        #expect(alice.teams == ["Core", "infra"])
        #expect(alice.visibleTeams == ["Core", "infra"])
        #expect(throws: StoreError.self) { try store.addUser(name: "ALICE", passwordHash: "h2", isAdmin: true, teams: []) }
        #expect(throws: StoreError.self) { try store.addUser(name: "  ", passwordHash: "h2", isAdmin: true, teams: []) }
        let root = try store.addUser(name: "root", passwordHash: "h3", isAdmin: true, teams: [])
        #expect(root.visibleTeams == nil)
        #expect(try store.users().map(\.name) == ["alice", "root"])
        #expect(try store.user(named: "Alice")?.id == alice.id)

        try store.setPasswordHash("h4", forUser: "ALICE")
        #expect(try store.user(id: alice.id)?.passwordHash == "h4")
        try store.removeUser(named: "alice")
        #expect(try store.user(named: "alice") == nil)
        #expect(throws: StoreError.self) { try store.removeUser(named: "alice") }
        #expect(throws: StoreError.self) { try store.setPasswordHash("h5", forUser: "alice") }
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM user_teams") } == 0)
    }

    @Test func triageIsRecordedWithWhoDidItAndOutlivesTheAccount() throws {
        let fixture = try FindingsStoreTests.fixture()
        let store = fixture.store
        let id = fixture.ids["a1/Ada Lovelace"]!
        try store.addUser(name: "alice", passwordHash: "h", isAdmin: false, teams: ["core"])
        let now = Date(timeIntervalSince1970: 1_795_100_000)
        #expect(try store.acknowledgeFinding(id, by: "alice", now: now))
        #expect(try store.labelFinding(id, as: .agent, note: "  the same bot  ", by: "alice", now: now.addingTimeInterval(1)))
        #expect(try store.acknowledgeFinding(999_999, by: "alice") == false)
        #expect(try store.labelFinding(999_999, as: .benign, note: nil, by: "alice") == false)
        try store.removeUser(named: "alice")
        let log = try store.auditLog(findingID: id)
        #expect(log == [
            AuditEntry(userName: "alice", action: "ack", findingID: id, detail: nil, at: now),
            AuditEntry(userName: "alice", action: "label", findingID: id, detail: "agent: the same bot", at: now.addingTimeInterval(1)),
        ])
        let finding = try #require(try store.findingDetail(id: id)).finding
        #expect(finding.state == .acked && finding.label == .agent)
    }

    @Test func visibleTeamsNarrowFindingsAndOffsetPages() throws {
        let fixture = try FindingsStoreTests.fixture()
        let store = fixture.store
        func people(_ filter: FindingFilter) throws -> Set<String> {
            Set(try store.findings(matching: filter).map(\.personName))
        }
        var filter = FindingFilter()
        filter.visibleTeams = ["CORE"]
        #expect(try people(filter) == ["Ada Lovelace", "Grace Hopper"])
        filter.visibleTeams = ["infra"]
        #expect(try people(filter) == ["Grace Hopper"])
        filter.visibleTeams = ["no such team"]
        #expect(try people(filter).isEmpty)
        filter.visibleTeams = []
        #expect(try people(filter).isEmpty)
        filter.visibleTeams = nil
        #expect(try people(filter) == ["Ada Lovelace", "Grace Hopper", "Linus Example"])

        let all = try store.findings(matching: FindingFilter()).map { $0.finding.id! }
        var page = FindingFilter(limit: 2)
        page.offset = 2
        #expect(try store.findings(matching: page).map { $0.finding.id! } == Array(all[2..<4]))
        var rest = FindingFilter()
        rest.offset = 4
        #expect(try store.findings(matching: rest).map { $0.finding.id! } == Array(all[4...]))
    }

    @Test func theOverviewPutsOpenAttacksFirstWithinTheVisibleTeams() throws {
        let fixture = try FindingsStoreTests.fixture()
        let store = fixture.store
        let everyone = try store.personOverview(visibleTeams: nil)
        #expect(everyone.map(\.name) == ["Ada Lovelace", "Grace Hopper", "Linus Example"])
        let ada = try #require(everyone.first)
        #expect(ada.openAttacks == 2 && ada.attacks == 2 && ada.mentions == 1)
        try store.acknowledgeFindings([fixture.ids["a1/Ada Lovelace"]!, fixture.ids["old/Ada Lovelace"]!])
        let infra = try store.personOverview(visibleTeams: ["Infra"])
        #expect(infra.map(\.name) == ["Grace Hopper"])
        #expect(try store.personOverview(visibleTeams: nil).map(\.name) == ["Grace Hopper", "Linus Example", "Ada Lovelace"])
    }

    @Test func theSessionKeyIsMadeOnceAndKept() throws {
        let database = try TemporaryDatabase()
        let first = try database.store.webSessionKey { "generated-once" }
        let second = try Store.open(at: database.path).webSessionKey { "generated-again" }
        #expect(first == "generated-once" && second == "generated-once")
    }
}
