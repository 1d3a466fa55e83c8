/// A text a user labelled while triaging, ready to be folded into training:
/// hostile/benign labels teach the hostility model, agent/human the agent model.
public struct LabelledFindingText: Sendable, Equatable {
    /// The model a label teaches.
    public enum Task: String, Sendable, CaseIterable {
        case hostility
        case agent
    }

    public var findingID: Int64
    public var title: String?
    public var text: String
    public var label: FindingRecord.Label

    public init(findingID: Int64, title: String?, text: String, label: FindingRecord.Label) {
        self.findingID = findingID
        self.title = title
        self.text = text
        self.label = label
    }

    public var task: Task {
        switch label {
        case .hostile, .benign: .hostility
        case .agent, .human: .agent
        }
    }

    /// True for the positive class of the task (hostile, agent).
    public var isPositive: Bool { label == .hostile || label == .agent }
}
