import Foundation
import GRDB
import Testing
@testable import VigilStore
@testable import VigilWeb

/// The feeds page, the people and teams page and a week's digest over HTTP:
/// health and why a feed is watched without its secrets, the scope rule on
/// people and digests, and the digest under the page's policy.
@Suite struct FeedsPeopleDigestTests {
    @Test func feedsShowHealthAndWhyWithoutSecrets() async throws {
        let world = try await DashboardWorld()
        let failing = try world.store.write { db in
            var feed = FeedRecord(url: "https://ops:hunter3@broken.example/feed.xml?api_key=s3cret2", title: "Broken <i>feed</i>")
            feed.consecutiveFailures = 4
            feed.lastStatus = 503
            feed.lastPolledAt = Date(timeIntervalSince1970: 1_800_000_000)
            feed.lastError = "fetching https://ops:hunter3@broken.example/feed.xml?api_key=s3cret2 failed: 503"
            feed.addedReason = "the author's site, followed from a finding"
            feed.followedFindingId = world.adaFinding
            feed.followedAccount = "patchwright"
            try feed.insert(db)
            return feed.id!
        }
        let alice = try await world.signedIn("alice")
        let page = try await alice.get("/feeds")
        #expect(page.status == 200)
        for secret in ["hunter2", "s3cret", "hunter3", "s3cret2"] {
            #expect(!page.body.contains(secret), "\(secret) is shown")
        }
        #expect(page.body.contains("broken.example/feed.xml") && page.body.contains("feeds.example/agent.xml"))
        #expect(page.body.contains("Broken &lt;i&gt;feed&lt;/i&gt;") && !page.body.contains("<i>"))
        #expect(page.body.contains(">503<") && page.body.contains(">4<"))
        #expect(page.body.contains("the author&#39;s site, followed from a finding (linked by patchwright)"))
        #expect(page.body.contains(#"<a href="/findings/\#(world.adaFinding)">finding #\#(world.adaFinding)</a>"#))
        #expect(page.body.contains(#"<a href="/findings?feed=\#(failing)""#))
        let broken = try #require(page.body.range(of: "broken.example"))
        let healthy = try #require(page.body.range(of: "feeds.example/agent.xml"))
        #expect(broken.lowerBound < healthy.lowerBound, "a failing feed comes first")
        #expect(page.body.contains("2 feeds, 1 failing."))
        #expect(try await world.browser().get("/feeds").status == 303, "signed out, the page asks for a sign-in")
    }

    @Test func peopleAndTeamsFollowTheScopeRule() async throws {
        let world = try await DashboardWorld()
        try world.store.addPerson(PersonSpec(name: "Katherine Johnson", aliases: ["Katherine G. Johnson"], teams: ["core", "infra"]))
        let alice = try await world.signedIn("alice")
        let hers = try await alice.get("/people")
        #expect(hers.status == 200)
        #expect(hers.body.contains("Ada Lovelace") && hers.body.contains("Katherine G. Johnson"))
        #expect(!hers.body.contains("Grace Hopper"))
        #expect(hers.body.contains(#"href="/findings?team=core""#) && !hers.body.contains(#"href="/findings?team=infra""#))

        let root = try await world.signedIn("root")
        let all = try await root.get("/people")
        #expect(all.body.contains("Grace Hopper") && all.body.contains(#"href="/findings?team=infra""#))
        #expect(all.body.contains("Ada Lovelace, Katherine Johnson"), "team core lists its members")
    }

    @Test func aWeeksDigestRendersUnderThePolicyForTheVisibleTeams() async throws {
        let world = try await DashboardWorld()
        let today = UTCCalendar.dayText(Date())
        let root = try await world.signedIn("root")
        let everyone = try await root.get("/digest?week=\(today)")
        #expect(everyone.status == 200)
        #expect(everyone.body.contains("Gatekeeping in Open Source") && everyone.body.contains("Hopper blocks progress"))
        #expect(everyone.body.contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;"))
        #expect(!everyone.body.contains("<script"))
        #expect(!everyone.body.contains("style="), "the policy forbids inline styles")
        #expect(everyone.body.contains("<svg"))
        #expect(everyone.body.contains(#"<a rel="noopener noreferrer nofollow" href="https://blog.example/hopper""#))
        #expect(everyone.body.components(separatedBy: "<body").count == 2, "one document, not one inside another")
        #expect(everyone.header("content-security-policy")?.contains("style-src 'self';") == true)

        let alice = try await world.signedIn("alice")
        let hers = try await alice.get("/digest?week=\(today)")
        #expect(hers.status == 200)
        #expect(hers.body.contains("Gatekeeping in Open Source") && !hers.body.contains("Hopper blocks progress"))
        #expect(try await alice.get("/digest?team=infra").status == 400)
        #expect(try await alice.get("/digest?week=last-week").status == 400)

        let lastWeek = try await alice.get("/digest")
        #expect(lastWeek.status == 200)
        let monday = UTCCalendar.weekStart(of: Date()).addingTimeInterval(-UTCCalendar.secondsPerWeek)
        #expect(lastWeek.body.contains("Digest: \(UTCCalendar.dayText(monday)) to"), "without a week, the last full week")
        #expect(!lastWeek.body.contains("Gatekeeping in Open Source"), "this week's attack is not last week's")
    }

    @Test func embeddingStripsStylesButNotFeedText() {
        let document = """
            <!DOCTYPE html><html><head><title>t</title></head><body style="margin:0">\
            <p style="color:red">x&quot; style=&quot;color:red</p><a href="https://a.example/" style="c">a</a></body></html>
            """
        let markup = DigestEmbedding.markup(ofDocument: document)
        #expect(markup == #"<p>x&quot; style=&quot;color:red</p><a rel="noopener noreferrer nofollow" href="https://a.example/">a</a>"#)
    }
}
