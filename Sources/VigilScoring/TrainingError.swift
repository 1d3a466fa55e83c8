/// Why training could not start.
public enum TrainingError: Error, CustomStringConvertible, Equatable {
    case oneClass(String)
    case noCandidates
    /// The stance data has no example of a kind.
    case missingKind(String)

    public var description: String {
        switch self {
        case .oneClass(let what): "the \(what) needs examples of both labels (0 and 1)"
        case .noCandidates: "no L2 strength to try"
        case .missingKind(let kind): "the stance data needs examples of every kind; it has no \(kind) example"
        }
    }
}
