import Foundation
import GRDB
import Testing
@testable import VigilDigest
@testable import VigilStore

/// Hostile content stays inert in every format; empty periods and large
/// teams render sensibly.
@Suite struct DigestRenderingTests {
    static let hostileTitle = "<script>alert('x')</script>\u{1B}]8;;https://evil.example/\u{07}click\u{1B}]8;;\u{07} \u{1B}[2J\u{1B}[31mPWNED\u{9B}0m \u{202E}gnp.exe"
    static let hostileAuthor = "<img src=x onerror=alert(1)>\u{1B}[1m"
    static let hostileSentence = "He is a [fraud](javascript:alert(1)) | <b>really</b> \u{1B}[5m*blinking*"

    /// A database with one attack whose every text field is an injection attempt.
    static func hostileFixture() throws -> DigestFixture {
        let fixture = try DigestFixture()
        let at = DigestFixture.period.start.addingTimeInterval(3600)
        try fixture.store.write { db in
            var person = PersonRecord(name: "Julian Marsh", createdAt: at, updatedAt: at)
            try person.insert(db)
            var other = PersonRecord(name: "Hannah Lee", createdAt: at, updatedAt: at)
            try other.insert(db)
            var feed = FeedRecord(url: "https://evil.example/feed", title: "</title><script>steal()</script>", nextPollAt: at, createdAt: at)
            try feed.insert(db)
            for (index, target) in [person, other].enumerated() {
                var item = ItemRecord(
                    feedId: feed.id!, dedupeKey: "k\(index)", url: index == 0 ? "javascript:alert(document.cookie)" : "https://evil.example/p?a=\"><script>x</script>",
                    title: hostileTitle, author: hostileAuthor, text: hostileSentence, contentHash: "h\(index)",
                    firstSeenAt: at, lastSeenAt: at)
                try item.insert(db)
                var finding = FindingRecord(
                    itemId: item.id!, personId: target.id!, hostility: 0.9, agent: 0.9, attack: 0.9, severity: .high, kind: .attack,
                    evidence: [Evidence(kind: .hostile, start: 0, end: 40, score: 0.9, text: hostileSentence)],
                    modelVersion: "m", createdAt: at, updatedAt: at)
                try finding.insert(db)
            }
        }
        return fixture
    }

    static func digest(_ fixture: DigestFixture, scope: FindingScope = .all) throws -> Digest {
        let period = DigestPeriod(start: DigestFixture.period.start, end: DigestFixture.period.end)
        return try DigestBuilder(store: fixture.store, timeZone: TimeZone(identifier: "UTC")!)
            .build(scope: scope, periods: period.withPreceding(3), now: DigestFixture.now)
    }

    @Test func hostileTextNeverReachesTheTerminalRaw() throws {
        let fixture = try Self.hostileFixture()
        let digest = try Self.digest(fixture)
        #expect(digest.sharedSources.count == 1)
        for format in DigestFormat.allCases {
            let output = try format.render(digest)
            for scalar in output.unicodeScalars {
                let value = scalar.value
                let control = (value < 0x20 && value != 0x0A) || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                #expect(!control, "\(format) output holds U+\(String(value, radix: 16, uppercase: true))")
            }
        }
        let text = try DigestFormat.text.render(digest)
        // Escape sequences are removed whole (a hyperlink's hidden target too); C1 controls and bidi overrides are dropped.
        #expect(text.contains("<script>alert('x')</script>click PWNED0m gnp.exe"))
    }

    @Test func hostileTextNeverReachesTheHTMLRaw() throws {
        let fixture = try Self.hostileFixture()
        let html = try DigestFormat.html.render(try Self.digest(fixture))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>really"))
        #expect(!html.lowercased().contains("href=\"javascript"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;/title&gt;&lt;script&gt;steal()&lt;/script&gt;"))
        // The safe link is kept, with its quote and angle brackets percent-encoded.
        #expect(html.contains("href=\"https://evil.example/p?a=%22%3E%3Cscript%3Ex%3C/script%3E\""))
        // Only our own markup: every tag is from the renderer's vocabulary.
        let tags = Set(html.matches(of: /<\/?([a-zA-Z0-9]+)/).map { String($0.output.1).lowercased() })
        #expect(tags.isSubset(of: ["html", "head", "meta", "title", "body", "table", "tr", "td", "th", "div", "h1", "h2", "p", "span", "b", "a", "svg", "rect", "line", "text"]))
    }

    @Test func hostileTextCannotInjectMarkdown() throws {
        let fixture = try Self.hostileFixture()
        let markdown = try DigestFormat.markdown.render(try Self.digest(fixture))
        // The renderer writes no "<" of its own, so every one is the feed's, escaped.
        let characters = Array(markdown)
        for index in characters.indices where characters[index] == "<" {
            #expect(index > 0 && characters[index - 1] == "\\", "unescaped < at \(index)")
        }
        #expect(!markdown.contains("](javascript"))
        #expect(markdown.contains(#"\[fraud\]\(javascript:alert\(1\)\) \| \<b\>really\</b\>"#))
        // The javascript: URL is not linked; the https one is, encoded.
        #expect(!markdown.contains("(javascript:alert(document.cookie))"))
        #expect(markdown.contains("(https://evil.example/p?a=%22%3E%3Cscript%3Ex%3C/script%3E)"))
    }

    @Test func jsonKeepsTheDataButEscapesControls() throws {
        let fixture = try Self.hostileFixture()
        let digest = try Self.digest(fixture)
        let json = try DigestFormat.json.render(digest)
        #expect(json.contains(#"\u001b[2J"#))
        #expect(json.contains(#"\u009b0m"#))
        #expect(json.contains(#"\u202egnp.exe"#))
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode(Digest.self, from: Data(json.utf8))
        #expect(decoded == digest)
        #expect(decoded.topFindings.first?.title == Self.hostileTitle)
    }

    @Test func anEmptyPeriodSaysSo() throws {
        let fixture = try DigestFixture()
        try fixture.store.addPerson(PersonSpec(name: "Ada Lovelace", teams: ["core"]))
        let digest = try Self.digest(fixture)
        #expect(digest.totals == .zero)
        #expect(digest.people.isEmpty && digest.quietPeople == 1)
        #expect(digest.teams.map(\.name) == ["core"])
        let text = try DigestFormat.text.render(digest)
        #expect(text.contains("No hostile findings in this period."))
        #expect(text.contains("No mentions of anyone in this period or the one before."))
        #expect(text.contains("1 other person watched: no mentions."))
        #expect(text.contains("0 of 0 hostile (–)"))
        let html = try DigestFormat.html.render(digest)
        #expect(html.contains("No hostile findings in this period."))
        #expect(html.contains("<svg"))
        #expect(try DigestFormat.markdown.render(digest).contains("No hostile findings in this period."))
        #expect(try DigestFormat.json.render(digest).contains(#""top_findings" : ["#))
        // A person digest of someone quiet still names them.
        let person = try Self.digest(fixture, scope: .person("ada lovelace"))
        #expect(person.people.map(\.name) == ["Ada Lovelace"])
        #expect(person.scopeTitle == "Ada Lovelace")
    }

    @Test func anUnknownPersonOrTeamIsAnInputError() throws {
        let fixture = try DigestFixture()
        #expect(throws: StoreError.self) { try Self.digest(fixture, scope: .person("Nobody")) }
        #expect(throws: StoreError.self) { try Self.digest(fixture, scope: .team("nobody")) }
    }

    @Test func aTeamOfTwoHundred() throws {
        let fixture = try DigestFixture()
        let at = DigestFixture.period.start
        try fixture.store.write { db in
            var team = TeamRecord(name: "foundation", createdAt: at)
            try team.insert(db)
            var outsider = PersonRecord(name: "Not In Team", createdAt: at, updatedAt: at)
            try outsider.insert(db)
            var feed = FeedRecord(url: "https://news.example.org/feed", title: "News", nextPollAt: at, createdAt: at)
            try feed.insert(db)
            var ids: [Int64] = []
            for index in 0..<200 {
                var person = PersonRecord(name: String(format: "Maintainer %03d", index), createdAt: at, updatedAt: at)
                try person.insert(db)
                try TeamMemberRecord(teamId: team.id!, personId: person.id!).insert(db)
                ids.append(person.id!)
            }
            // Every fifth member is mentioned; every twentieth attacked, by one agent blog.
            for index in stride(from: 0, to: 200, by: 5) {
                let time = at.addingTimeInterval(Double(index) * 600)
                var item = ItemRecord(feedId: feed.id!, dedupeKey: "i\(index)", title: "Post \(index)", author: index % 20 == 0 ? "agent-blog" : "staff",
                                      text: "text", contentHash: "c\(index)", firstSeenAt: time, lastSeenAt: time)
                try item.insert(db)
                let hostile = index % 20 == 0
                var finding = FindingRecord(
                    itemId: item.id!, personId: ids[index], hostility: hostile ? 0.8 : 0.1, agent: hostile ? 0.9 : 0.1,
                    attack: hostile ? 0.8 : 0.05, severity: hostile ? .high : .none, kind: hostile ? .attack : .mention,
                    evidence: [], modelVersion: "m",
                    createdAt: time, updatedAt: time)
                try finding.insert(db)
            }
            var item = ItemRecord(feedId: feed.id!, dedupeKey: "outside", title: "Outside", author: "agent-blog", text: "t", contentHash: "o", firstSeenAt: at, lastSeenAt: at)
            try item.insert(db)
            var finding = FindingRecord(itemId: item.id!, personId: outsider.id!, hostility: 0.9, agent: 0.9, attack: 0.9, severity: .high, kind: .attack, evidence: [], modelVersion: "m", createdAt: at, updatedAt: at)
            try finding.insert(db)
        }
        let digest = try Self.digest(fixture, scope: .team("Foundation"))
        #expect(digest.scope == "team:foundation")
        #expect(digest.peopleInScope == 200)
        #expect(digest.people.count == 40)
        #expect(digest.quietPeople == 160)
        #expect(digest.totals.mentions == 40 && digest.totals.high == 10)
        #expect(digest.people.prefix(10).allSatisfy { $0.counts.high == 1 })
        #expect(digest.topFindings.count == 10)
        #expect(!digest.topFindings.contains { $0.person == "Not In Team" })
        #expect(digest.teams.isEmpty)
        #expect(digest.sharedSources.map(\.name) == ["agent-blog"])
        #expect(digest.sharedSources.first?.peopleAttacked.count == 10)
        let text = try DigestFormat.text.render(digest)
        #expect(text.contains("160 other people watched: no mentions."))
        let html = try DigestFormat.html.render(digest)
        #expect(html.components(separatedBy: "Maintainer ").count - 1 >= 40)
        // Everyone's digest counts the outsider too, and lists the team's 200 members.
        let everyone = try Self.digest(fixture)
        #expect(everyone.totals.high == 11)
        #expect(everyone.teams.first?.members == 200)
    }
}
