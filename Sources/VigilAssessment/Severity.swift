/// How urgent a finding is, from the attack score and the configured thresholds.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case none, low, medium, high

    private var rank: Int {
        switch self {
        case .none: 0
        case .low: 1
        case .medium: 2
        case .high: 3
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// One step up, high staying high.
    public var raised: Severity {
        switch self {
        case .none: .low
        case .low: .medium
        case .medium, .high: .high
        }
    }
}
