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
