import Foundation
import VigilStore

/// Builds a `Digest` from the store: counts per person and team, the trend
/// over the periods before, the most serious findings with their evidence,
/// and the sources worth a look.
public struct DigestBuilder: Sendable {
    public let store: Store
    public var timeZone: TimeZone
    /// The agent score from which a finding counts as agent-written.
    public var agentThreshold = 0.5
    public var topFindingLimit = 10
    public var evidencePerFinding = 3
    public var newSourceLimit = 10
    /// Per person: attacks listed, coverage listed under each attack,
    /// coverage with no known attack listed, and mentions listed.
    /// Kept small: a foundation's digest lists hundreds of people.
    public var attacksPerPerson = 5
    public var coveragePerAttack = 3
    public var otherCoveragePerPerson = 3
    public var mentionsPerPerson = 3

    public init(store: Store, timeZone: TimeZone) {
        self.store = store
        self.timeZone = timeZone
    }

    /// Builds the digest of the last of `periods` (oldest first); the one
    /// before it is the comparison, and all of them make the trend.
    public func build(scope requested: FindingScope, periods: [DigestPeriod], now: Date) throws -> Digest {
        let scope = try store.resolve(requested)
        guard let period = periods.last else { throw DigestError("a digest needs a period", isBadInput: false) }
        guard period.start < period.end else { throw DigestError("the digest period is empty") }
        let people = try store.people(in: scope)
        let counts = try store.findingCountsByPerson(in: scope, from: period.start, to: period.end, agentThreshold: agentThreshold)
        let previousPeriod = periods.count >= 2 ? periods[periods.count - 2] : nil
        let previousCounts = try previousPeriod.map {
            try store.findingCountsByPerson(in: scope, from: $0.start, to: $0.end, agentThreshold: agentThreshold)
        } ?? [:]
        let boundaries = periods.map(\.start) + [period.end]
        let history = try store.findingHistoryByPerson(in: scope, boundaries: boundaries)
        let emptyHistory = [HistoryCount](repeating: HistoryCount(), count: periods.count)
        let byKind = try store.findingsByPersonAndKind(
            in: scope, from: period.start, to: period.end,
            // Coverage is read generously: it is spread over the attacks it covers.
            limits: [.attack: attacksPerPerson, .coverage: attacksPerPerson * coveragePerAttack + otherCoveragePerPerson, .mention: mentionsPerPerson])
        let grouping = PersonFindingsGrouping(period: period, coveragePerAttack: coveragePerAttack, otherCoverageLimit: otherCoveragePerPerson)
        let attacksByID = try attacksOutsideListing(byKind)

        var personDigests: [PersonDigest] = []
        for entry in people {
            let id = entry.person.id!
            let current = counts[id] ?? .zero
            let previous = previousCounts[id] ?? .zero
            let listed = current.mentions > 0 || previous.mentions > 0 || scope.isPerson
            guard listed else { continue }
            personDigests.append(PersonDigest(
                name: entry.person.name, teams: entry.teams, counts: current, previous: previous,
                hostileHistory: (history[id] ?? emptyHistory).map(\.hostile),
                findings: byKind[id].map { grouping.group($0, counts: current, attacksByID: attacksByID) } ?? .empty))
        }
        personDigests.sort { lhs, rhs in
            Self.mostAttackedFirst((lhs.counts, lhs.name), (rhs.counts, rhs.name))
        }

        var teamDigests: [TeamDigest] = []
        if scope == .all {
            var members: [String: [Int64]] = [:]
            for entry in people {
                for team in entry.teams { members[team, default: []].append(entry.person.id!) }
            }
            for (team, ids) in members {
                teamDigests.append(TeamDigest(
                    name: team, members: ids.count,
                    counts: ids.reduce(.zero) { $0 + (counts[$1] ?? .zero) },
                    previous: ids.reduce(.zero) { $0 + (previousCounts[$1] ?? .zero) },
                    hostileHistory: ids.reduce(emptyHistory) { sum, id in
                        zip(sum, history[id] ?? emptyHistory).map { $0 + $1 }
                    }.map(\.hostile)))
            }
            teamDigests.sort { lhs, rhs in
                Self.mostAttackedFirst((lhs.counts, lhs.name), (rhs.counts, rhs.name))
            }
        }

        let totalHistory = history.values.reduce(emptyHistory) { sum, person in zip(sum, person).map { $0 + $1 } }
        let top = try store.topFindings(in: scope, from: period.start, to: period.end, minSeverity: .low, limit: topFindingLimit)
        let sources = try store.sourceActivity(in: scope, from: period.start, to: period.end)
        let newSources = sources.filter { $0.firstSeenAt >= period.start }

        return Digest(
            scope: scope.key, scopeTitle: Self.title(of: scope), period: period, timeZone: timeZone.identifier,
            generatedAt: now, agentThreshold: agentThreshold,
            totals: counts.values.reduce(.zero, +), previousTotals: previousCounts.values.reduce(.zero, +),
            history: zip(periods, totalHistory).map { DigestHistoryPoint(period: $0, mentions: $1.mentions, hostile: $1.hostile) },
            people: personDigests, peopleInScope: people.count, teams: teamDigests,
            topFindings: top.map(digestFinding), sharedSources: sources.filter { $0.peopleAttacked.count > 1 },
            newSources: Array(newSources.prefix(newSourceLimit)), newSourcesTotal: newSources.count)
    }

    /// The attacks that listed coverage points at but that are not listed
    /// themselves: found before the period, or beyond a person's cap.
    private func attacksOutsideListing(_ byKind: [Int64: FindingsByKind]) throws -> [Int64: FindingListing] {
        var listed = Set<Int64>()
        var wanted: [Int64] = []
        for entry in byKind.values {
            listed.formUnion(entry.listed(.attack).compactMap(\.finding.id))
            wanted += entry.listed(.coverage).compactMap(\.finding.relatedFindingId)
        }
        let missing = Array(Set(wanted).subtracting(listed)).sorted()
        return Dictionary(uniqueKeysWithValues: try store.findingListings(ids: missing).map { ($0.finding.id!, $0) })
    }

    private func digestFinding(_ detail: FindingDetail) -> DigestFinding {
        let evidence = detail.finding.evidence.sorted { lhs, rhs in
            if lhs.kind != rhs.kind { return lhs.kind == .hostile }
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            return lhs.start < rhs.start
        }
        return DigestFinding(
            id: detail.finding.id!, person: detail.person.name, severity: detail.finding.severity,
            kind: detail.finding.kind, relatedFindingID: detail.finding.relatedFindingId, hostility: detail.finding.hostility, agent: detail.finding.agent, attack: detail.finding.attack,
            title: detail.item.title, url: detail.item.url, author: detail.item.author,
            feed: detail.feed.title.flatMap { $0.isEmpty ? nil : $0 } ?? detail.feed.url,
            createdAt: detail.finding.createdAt, evidence: Array(evidence.prefix(evidencePerFinding)),
            trail: detail.finding.closedPullRequest.map { $0.sentence(itemAt: detail.item.publishedAt ?? detail.item.firstSeenAt) })
    }

    static func title(of scope: FindingScope) -> String {
        switch scope {
        case .all: "all watched people"
        case .person(let name): name
        case .team(let name): "team \(name)"
        }
    }

    /// The worst first: by high, then medium, then low findings, then
    /// mentions, then name.
    static func mostAttackedFirst(_ lhs: (counts: FindingCounts, name: String), _ rhs: (counts: FindingCounts, name: String)) -> Bool {
        let left = [lhs.counts.high, lhs.counts.medium, lhs.counts.low, lhs.counts.mentions]
        let right = [rhs.counts.high, rhs.counts.medium, rhs.counts.low, rhs.counts.mentions]
        if left != right { return left.lexicographicallyPrecedes(right, by: >) }
        let folding: String.CompareOptions = [.caseInsensitive, .diacriticInsensitive]
        return (lhs.name.folding(options: folding, locale: nil), lhs.name) < (rhs.name.folding(options: folding, locale: nil), rhs.name)
    }
}

extension FindingScope {
    var isPerson: Bool {
        if case .person = self { return true }
        return false
    }
}
