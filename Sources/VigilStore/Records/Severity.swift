/// How urgently a finding deserves a person's attention, in ascending order.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case none
    case low
    case medium
    case high

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
