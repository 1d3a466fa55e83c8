import Foundation
import Testing
@testable import VigilStore
@testable import VigilWeb

/// The overview, the list and one finding over HTTP: the scope rule, the
/// triage forms with and without their token, hostile feed text, and the
/// headers every response carries.
@Suite struct FindingPagesTests {
    @Test func aUserSeesOnlyThePeopleOfTheirTeams() async throws {
        let world = try await DashboardWorld()
        let alice = try await world.signedIn("alice")
        let overview = try await alice.get("/")
        #expect(overview.body.contains("Ada Lovelace"))
        #expect(!overview.body.contains("Grace Hopper"))

        let list = try await alice.get("/findings")
        #expect(list.body.contains("/findings/\(world.adaFinding)\""))
        #expect(!list.body.contains("/findings/\(world.graceFinding)\""))
        #expect(!list.body.contains("Hopper blocks progress"))

        let filtered = try await alice.get("/findings?person=Grace+Hopper")
        #expect(!filtered.body.contains("Hopper blocks progress"))
        #expect(filtered.body.contains("Nobody you can see is watched under that name."))
        #expect(!(try await alice.get("/findings?team=infra")).body.contains("Hopper blocks progress"))

        #expect(try await alice.get("/findings/\(world.graceFinding)").status == 404)
        #expect(try await alice.get("/findings/\(world.adaFinding)").status == 200)
        #expect(try await alice.get("/findings/999999").status == 404)

        let root = try await world.signedIn("root")
        #expect(try await root.get("/findings/\(world.graceFinding)").status == 200)
        let everything = try await root.get("/findings")
        #expect(everything.body.contains("Hopper blocks progress") && everything.body.contains("Gatekeeping"))
    }

    @Test func aUserCannotTriageAFindingOutsideTheirTeams() async throws {
        let world = try await DashboardWorld()
        let alice = try await world.signedIn("alice")
        let token = try #require(try await alice.get("/").csrfToken)
        #expect(try await alice.post("/findings/\(world.graceFinding)/ack", form: [("csrf", token)]).status == 404)
        #expect(try await alice.post("/findings/\(world.graceFinding)/label", form: [("csrf", token), ("label", "benign")]).status == 404)
        let grace = try #require(try world.store.findingDetail(id: world.graceFinding))
        #expect(grace.finding.state == .new)
        #expect(grace.finding.label == nil)
        #expect(try world.store.auditLog(findingID: world.graceFinding).isEmpty)
    }

    @Test func acknowledgesWithTheTokenAndRecordsWho() async throws {
        let world = try await DashboardWorld()
        let alice = try await world.signedIn("alice")
        let page = try await alice.get("/findings/\(world.adaFinding)")
        let token = try #require(page.csrfToken)

        let forged = try await alice.post("/findings/\(world.adaFinding)/ack", form: [("csrf", "not-the-token")])
        #expect(forged.status == 403)
        let missing = try await alice.post("/findings/\(world.adaFinding)/ack", form: [])
        #expect(missing.status == 403)
        #expect(try world.store.findingDetail(id: world.adaFinding)?.finding.state == .new)

        let root = try await world.signedIn("root")
        let otherSessionsToken = try #require(try await root.get("/").csrfToken)
        #expect(try await alice.post("/findings/\(world.adaFinding)/ack", form: [("csrf", otherSessionsToken)]).status == 403)

        let anonymous = world.browser()
        let unsigned = try await anonymous.post("/findings/\(world.adaFinding)/ack", form: [("csrf", token)])
        #expect(unsigned.status == 303)
        #expect(try world.store.findingDetail(id: world.adaFinding)?.finding.state == .new)

        let ack = try await alice.post("/findings/\(world.adaFinding)/ack", form: [("csrf", token)])
        #expect(ack.status == 303)
        #expect(ack.header("location") == "/findings/\(world.adaFinding)")
        #expect(try world.store.findingDetail(id: world.adaFinding)?.finding.state == .acked)
        let history = try world.store.auditLog(findingID: world.adaFinding)
        #expect(history.map(\.userName) == ["alice"])
        #expect(history.map(\.action) == ["ack"])

        let after = try await alice.get("/findings/\(world.adaFinding)")
        #expect(after.body.contains("alice: ack"))
        #expect(!after.body.contains("/ack\""), "an acknowledged finding offers no second acknowledgement")
    }

    @Test func labelsWithANoteAndRecordsIt() async throws {
        let world = try await DashboardWorld()
        let alice = try await world.signedIn("alice")
        let token = try #require(try await alice.get("/findings/\(world.adaFinding)").csrfToken)
        let bad = try await alice.post("/findings/\(world.adaFinding)/label", form: [("csrf", token), ("label", "nonsense")])
        #expect(bad.status == 400)
        let forged = try await alice.post("/findings/\(world.adaFinding)/label", form: [("csrf", "x"), ("label", "agent")])
        #expect(forged.status == 403)
        #expect(try world.store.findingDetail(id: world.adaFinding)?.finding.label == nil)

        let labelled = try await alice.post(
            "/findings/\(world.adaFinding)/label", form: [("csrf", token), ("label", "agent"), ("note", "same bot as <last week>")])
        #expect(labelled.status == 303)
        #expect(try world.store.findingDetail(id: world.adaFinding)?.finding.label == .agent)
        let entry = try #require(try world.store.auditLog(findingID: world.adaFinding).first)
        #expect(entry.userName == "alice" && entry.action == "label")
        #expect(entry.detail == "agent: same bot as <last week>")
        let page = try await alice.get("/findings/\(world.adaFinding)")
        #expect(page.body.contains("alice: label (agent: same bot as &lt;last week&gt;)"))
    }

    @Test func hostileFeedTextIsEscapedAndLinksAreSafe() async throws {
        let world = try await DashboardWorld()
        let alice = try await world.signedIn("alice")
        for path in ["/findings", "/findings/\(world.adaFinding)"] {
            let page = try await alice.get(path)
            #expect(page.status == 200)
            #expect(!page.body.contains("<script"), "\(path) holds a script element")
            #expect(!page.body.contains("<img"))
            #expect(!page.body.contains("<b>"))
            #expect(page.body.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt; Gatekeeping in Open Source"))
        }
        let detail = try await alice.get("/findings/\(world.adaFinding)").body
        #expect(detail.contains("Ada is &lt;em&gt;protecting&lt;/em&gt; her fiefdom."))
        #expect(detail.contains("patchwright&lt;img src=x onerror=alert(1)&gt;"))
        #expect(detail.contains(#"rel="noopener noreferrer nofollow""#))
        #expect(detail.contains(#"href="https://blog.example/gatekeeping%22%3E%3Cscript%3Ex%3C/script%3E""#))
        #expect(!detail.contains("hunter2"), "the feed URL's password is shown")
        #expect(!detail.contains("s3cret"), "the feed URL's token is shown")
        #expect(detail.contains("feeds.example/agent.xml"))
    }

    @Test func everyResponseCarriesTheSecurityHeaders() async throws {
        let world = try await DashboardWorld()
        let alice = try await world.signedIn("alice")
        let responses = [
            try await world.browser().get("/login"), try await world.browser().get("/"), try await alice.get("/"), try await alice.get("/findings"),
            try await alice.get("/findings/\(world.adaFinding)"), try await alice.get("/findings/\(world.graceFinding)"),
            try await alice.get("/no/such/page"), try await alice.get("/static/vigil.css"),
            try await alice.post("/findings/\(world.adaFinding)/ack", form: [("csrf", "x")]),
        ]
        for response in responses {
            #expect(response.header("content-security-policy") == """
                default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'
                """)
            #expect(response.header("x-content-type-options") == "nosniff")
            #expect(response.header("referrer-policy") == "no-referrer")
        }
        #expect(responses[2].header("cache-control") == "no-store")
        #expect(responses[7].header("content-type") == "text/css; charset=utf-8")
        #expect(responses[7].body.contains("font:"))
    }

    @Test func theListPagesAndFilters() async throws {
        let world = try await DashboardWorld()
        let root = try await world.signedIn("root")
        let people = Dictionary(uniqueKeysWithValues: try world.store.people().map { ($0.person.name, $0.person.id!) })
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        try world.store.write { db in
            let feed = try #require(try FeedRecord.fetchOne(db))
            for index in 0..<(FindingsQuery.pageSize + 5) {
                var item = ItemRecord(
                    feedId: feed.id!, dedupeKey: "bulk-\(index)", title: "Bulk mention \(index)", contentHash: "b\(index)",
                    firstSeenAt: base, lastSeenAt: base)
                try item.insert(db)
                var finding = FindingRecord(
                    itemId: item.id!, personId: people["Grace Hopper"]!, hostility: 0.1, agent: 0.1, attack: 0.05,
                    severity: .none, kind: .mention, evidence: [], modelVersion: "test-model",
                    createdAt: base.addingTimeInterval(Double(-index)), updatedAt: base)
                try finding.insert(db)
            }
        }
        let first = try await root.get("/findings?kind=mention")
        #expect(first.body.contains("Bulk mention 0<") && !first.body.contains("Gatekeeping"))
        #expect(first.body.contains(#"href="/findings?kind=mention&amp;page=2" rel="next""#))
        let second = try await root.get("/findings?kind=mention&page=2")
        #expect(second.body.contains("Bulk mention 54<") && !second.body.contains("Bulk mention 0<"))
        #expect(!second.body.contains(#"rel="next""#))
        let attacks = try await root.get("/findings?severity=high&state=new")
        #expect(attacks.body.contains("Gatekeeping") && !attacks.body.contains("Hopper blocks progress"))
        try world.store.acknowledgeFindings([world.adaFinding])
        let overview = try await root.get("/").body
        let ada = try #require(overview.range(of: "Ada Lovelace"))
        let grace = try #require(overview.range(of: "Grace Hopper"))
        #expect(grace.lowerBound < ada.lowerBound, "people with open attacks come first, before names in order")
    }
}
