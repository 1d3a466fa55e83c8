import VigilStore

/// What scoring concluded about one item: document-level scores and, for
/// every watched person it mentions, the targeted attack score.
public struct ItemAssessment: Sendable, Equatable {
    /// One mentioned person's share of the assessment.
    public struct PersonAssessment: Sendable, Equatable {
        /// Index into the snapshot's people.
        public var personIndex: Int
        public var attack: Double
        public var severity: Severity
        public var evidence: [Evidence]

        public init(personIndex: Int, attack: Double, severity: Severity, evidence: [Evidence]) {
            self.personIndex = personIndex
            self.attack = attack
            self.severity = severity
            self.evidence = evidence
        }
    }

    public var hostility: Double
    public var agent: Double
    public var people: [PersonAssessment]
    public var modelVersion: String

    public init(hostility: Double, agent: Double, people: [PersonAssessment], modelVersion: String) {
        self.hostility = hostility
        self.agent = agent
        self.people = people
        self.modelVersion = modelVersion
    }
}
