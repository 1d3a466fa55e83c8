import Foundation
import Testing
@testable import VigilStore
@testable import VigilWeb

/// An admin adds and removes feeds and watched people from the browser;
/// everyone else may not, every change needs the form's token, and each is
/// recorded with who made it.
@Suite struct ManageTests {
    @Test func anAdminAddsAndRemovesAFeedAndEachChangeIsRecorded() async throws {
        let world = try await DashboardWorld()
        let root = try await world.signedIn("root")
        let page = try await root.get("/feeds")
        #expect(page.body.contains(#"action="/feeds/add""#))
        let added = try await root.post(
            "/feeds/add", form: [("csrf", page.csrfToken ?? ""), ("url", "https://news.example.org/feed.xml"), ("title", "News <b>")])
        #expect(added.status == 303)
        let feed = try #require(try world.store.feed(url: "https://news.example.org/feed.xml"))
        #expect(feed.title == "News <b>" && !feed.managedByConfig)

        let again = try await root.post("/feeds/add", form: [("csrf", page.csrfToken ?? ""), ("url", "https://news.example.org/feed.xml")])
        #expect(again.status == 400 && again.body.contains("feed already added"))
        let bad = try await root.post("/feeds/add", form: [("csrf", page.csrfToken ?? ""), ("url", "javascript:alert(1)")])
        #expect(bad.status == 400)

        let listed = try await root.get("/feeds")
        #expect(listed.body.contains("News &lt;b&gt;") && listed.body.contains(#"action="/feeds/\#(feed.id!)/remove""#))
        #expect(listed.body.contains("root: feed add"))
        let removed = try await root.post("/feeds/\(feed.id!)/remove", form: [("csrf", listed.csrfToken ?? "")])
        #expect(removed.status == 303)
        #expect(try world.store.feed(url: "https://news.example.org/feed.xml") == nil)
        #expect(try world.store.administrationLog().map { "\($0.userName) \($0.action) \($0.detail ?? "")" } == [
            "root feed remove https://news.example.org/feed.xml", "root feed add https://news.example.org/feed.xml",
        ])
    }

    @Test func anAdminWatchesAndStopsWatchingSomeone() async throws {
        let world = try await DashboardWorld()
        let root = try await world.signedIn("root")
        let page = try await root.get("/people")
        let added = try await root.post("/people/add", form: [
            ("csrf", page.csrfToken ?? ""), ("name", "Noor Haddad"), ("aliases", "N. Haddad"), ("handles", "noorh, @nhaddad"),
            ("teams", "core"),
        ])
        #expect(added.status == 303)
        let noor = try #require(try world.store.person(named: "Noor Haddad"))
        #expect(noor.person.aliases == ["N. Haddad"] && noor.teams == ["core"])
        #expect(noor.person.handles.count == 2)
        let duplicate = try await root.post("/people/add", form: [("csrf", page.csrfToken ?? ""), ("name", "noor haddad")])
        #expect(duplicate.status == 400 && duplicate.body.contains("already watched"))

        let listed = try await root.get("/people")
        #expect(listed.body.contains("root: person add Noor Haddad"))
        let removed = try await root.post("/people/\(noor.person.id!)/remove", form: [("csrf", listed.csrfToken ?? "")])
        #expect(removed.status == 303)
        #expect(try world.store.person(named: "Noor Haddad") == nil)
    }

    @Test func onlyAnAdminWithTheFormsTokenChangesAnything() async throws {
        let world = try await DashboardWorld()
        let alice = try await world.signedIn("alice")
        let page = try await alice.get("/feeds")
        #expect(!page.body.contains(#"action="/feeds/add""#) && !page.body.contains("/remove"))
        let refused = try await alice.post("/feeds/add", form: [("csrf", page.csrfToken ?? ""), ("url", "https://news.example.org/feed.xml")])
        #expect(refused.status == 403)
        let people = try await alice.get("/people")
        #expect(!people.body.contains(#"action="/people/add""#))
        let ada = try #require(try world.store.people().first)
        #expect(try await alice.post("/people/\(ada.person.id!)/remove", form: [("csrf", people.csrfToken ?? "")]).status == 403)

        let root = try await world.signedIn("root")
        #expect(try await root.post("/feeds/add", form: [("csrf", "forged"), ("url", "https://news.example.org/feed.xml")]).status == 403)
        #expect(try world.store.feed(url: "https://news.example.org/feed.xml") == nil)
        #expect(try world.store.person(named: ada.person.name) != nil)
        #expect(try world.store.administrationLog().isEmpty)
    }
}

/// An evidence sentence shown in the paragraph it came from, marked, with
/// feed text escaped on both sides of the mark.
@Suite struct EvidenceInContextTests {
    @Test func theSentenceIsMarkedInItsParagraphAndTheRestStaysText() throws {
        let text = "First line about the release.\nThey said <b>this</b>: Ada is protecting her fiefdom. And more after.\nLast."
        let marked = try #require(FindingPage.inParagraph("Ada is protecting her fiefdom.", of: text))
        #expect(marked.markup == "They said &lt;b&gt;this&lt;/b&gt;: <mark>Ada is protecting her fiefdom.</mark> And more after.")
        #expect(FindingPage.inParagraph("A sentence the text does not hold.", of: text) == nil)
        #expect(FindingPage.inParagraph("Ada", of: nil) == nil)
        let long = String(repeating: "word ", count: 200) + "Ada is protecting her fiefdom." + String(repeating: " tail", count: 200)
        let clipped = try #require(FindingPage.inParagraph("Ada is protecting her fiefdom.", of: long, context: 20))
        #expect(clipped.markup.hasPrefix("…") && clipped.markup.hasSuffix("…") && clipped.markup.count < 120)
    }

    @Test func theFindingPageMarksItsEvidenceAndExplainsTheSourcePrior() throws {
        let detail = FindingDetail(
            finding: FindingRecord(
                id: 7, itemId: 1, personId: 1, hostility: 0.9, agent: 0.8, attack: 0.9, severity: .high, kind: .attack,
                evidence: [Evidence(kind: .hostile, start: 0, end: 30, score: 0.93, text: "Ada is protecting her fiefdom.")],
                modelVersion: "test"),
            person: PersonRecord(id: 1, name: "Ada Example"), teams: [],
            item: ItemRecord(id: 1, feedId: 1, dedupeKey: "a", title: "Post", text: "Intro.\nSo: Ada is protecting her fiefdom.", contentHash: "h"),
            feed: FeedRecord(id: 1, url: "https://blog.example.org/feed.xml"))
        let page = FindingPage.render(
            detail: detail, sourcePrior: "the author's 12 earlier posts read as an agent's (0.91)", history: [],
            session: SignedInUser(
                user: WebUser(id: 1, name: "root", passwordHash: "", isAdmin: true, teams: [], createdAt: Date()),
                claims: SessionClaims(userID: 1, issuedAt: 0, passwordTag: "", nonce: ""), csrfToken: "token")).markup
        #expect(page.contains("So: <mark>Ada is protecting her fiefdom.</mark>"))
        #expect(page.contains("<dt>Source prior</dt><dd>the author&#39;s 12 earlier posts read as an agent&#39;s (0.91)</dd>"))
    }
}
