/// What the Assessment stage concluded about one entry: its text-only agent
/// score when it is new or edited (the history later posts' source prior
/// reads), and a finding for each watched person it mentions.
public struct EntryAssessment: Sendable, Equatable {
    public var agent: Double?
    public var findings: [FindingDraft]

    public init(agent: Double? = nil, findings: [FindingDraft] = []) {
        self.agent = agent
        self.findings = findings
    }

    /// Not scored: unchanged, a repeat, or a copy of content stored before.
    public static let none = EntryAssessment()
}
