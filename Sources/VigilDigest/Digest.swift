import Foundation
import VigilStore

/// The week at a glance for one scope: what every renderer draws from. It is
/// plain data, built once by `DigestBuilder`, so the text, Markdown, HTML and
/// JSON forms cannot disagree. Text in it comes from feeds and is untrusted;
/// renderers escape it for their medium.
public struct Digest: Sendable, Equatable, Codable {
    /// The scope as the digests table keys it: `all`, `person:NAME`, `team:NAME`.
    public var scope: String
    /// A heading for the scope: "all watched people", "team core", "Ada Lovelace".
    public var scopeTitle: String
    public var period: DigestPeriod
    /// The IANA time zone dates are shown in.
    public var timeZone: String
    public var generatedAt: Date
    /// The agent score from which a finding counts as agent-written.
    public var agentThreshold: Double
    public var totals: FindingCounts
    public var previousTotals: FindingCounts
    /// The reported period and the ones before it, oldest first; the last is this period.
    public var history: [DigestHistoryPoint]
    /// People with mentions in this period or the one before, most attacked first.
    public var people: [PersonDigest]
    /// Everyone the scope covers, listed or quiet.
    public var peopleInScope: Int
    /// Teams, when the scope is everyone.
    public var teams: [TeamDigest]
    public var topFindings: [DigestFinding]
    /// Sources that attacked more than one watched person in the period.
    public var sharedSources: [SourceActivity]
    /// Sources vigil saw for the first time in the period (the most hostile first, capped).
    public var newSources: [SourceActivity]
    public var newSourcesTotal: Int

    public init(
        scope: String, scopeTitle: String, period: DigestPeriod, timeZone: String, generatedAt: Date,
        agentThreshold: Double, totals: FindingCounts, previousTotals: FindingCounts, history: [DigestHistoryPoint],
        people: [PersonDigest], peopleInScope: Int, teams: [TeamDigest], topFindings: [DigestFinding],
        sharedSources: [SourceActivity], newSources: [SourceActivity], newSourcesTotal: Int
    ) {
        self.scope = scope
        self.scopeTitle = scopeTitle
        self.period = period
        self.timeZone = timeZone
        self.generatedAt = generatedAt
        self.agentThreshold = agentThreshold
        self.totals = totals
        self.previousTotals = previousTotals
        self.history = history
        self.people = people
        self.peopleInScope = peopleInScope
        self.teams = teams
        self.topFindings = topFindings
        self.sharedSources = sharedSources
        self.newSources = newSources
        self.newSourcesTotal = newSourcesTotal
    }

    /// People in scope without a mention in this period or the one before.
    public var quietPeople: Int { peopleInScope - people.count }

    enum CodingKeys: String, CodingKey {
        case scope, period, totals, history, people, teams
        case scopeTitle = "scope_title"
        case timeZone = "time_zone"
        case generatedAt = "generated_at"
        case agentThreshold = "agent_threshold"
        case previousTotals = "previous_totals"
        case peopleInScope = "people_in_scope"
        case topFindings = "top_findings"
        case sharedSources = "shared_sources"
        case newSources = "new_sources"
        case newSourcesTotal = "new_sources_total"
    }
}
