import VigilStore

/// A finding the scorer produced for one watched person, before it is stored.
public struct FindingDraft: Sendable, Equatable {
    public var personID: Int64
    public var hostility: Double
    public var agent: Double
    public var attack: Double
    public var severity: Severity
    public var kind: FindingKind
    public var evidence: [Evidence]
    public var modelVersion: String
    /// The pull request a watched person closed that the author's trail leads to.
    public var closedPullRequest: ClosedPullRequest?

    public init(
        personID: Int64, hostility: Double, agent: Double, attack: Double, severity: Severity, kind: FindingKind,
        evidence: [Evidence], modelVersion: String, closedPullRequest: ClosedPullRequest? = nil
    ) {
        self.closedPullRequest = closedPullRequest
        self.personID = personID
        self.hostility = hostility
        self.agent = agent
        self.attack = attack
        self.severity = severity
        self.kind = kind
        self.evidence = evidence
        self.modelVersion = modelVersion
    }
}
