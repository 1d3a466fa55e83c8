/// One line of `vigil doctor`: what was checked and how it went.
public struct CheckResult: Sendable, Equatable {
    public enum Level: String, Sendable, Comparable {
        case ok, warning, error

        public static func < (lhs: Level, rhs: Level) -> Bool {
            let order: [Level] = [.ok, .warning, .error]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public var level: Level
    public var subject: String
    public var message: String

    public init(_ level: Level, _ subject: String, _ message: String) {
        self.level = level
        self.subject = subject
        self.message = message
    }
}
