import VigilAssessment

/// One labelled example: the text, its binary label and the dataset it came from.
public struct LabelledText: Sendable, Equatable {
    public var text: String
    public var label: Int
    public var source: String
    /// The watched person the text is about, for evaluating the attack score.
    public var person: String?
    /// What the text does to `person` (attack, coverage, mention), for the stance model.
    public var kind: FindingKind?
    /// For an attack, how it is made (`form` in the JSONL), when the data says.
    public var form: AttackForm?

    public init(
        text: String, label: Int, source: String = "", person: String? = nil, kind: FindingKind? = nil,
        form: AttackForm? = nil
    ) {
        self.text = text
        self.label = label
        self.source = source
        self.person = person
        self.kind = kind
        self.form = form
    }
}
