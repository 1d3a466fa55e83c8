/// Why training could not start.
public enum TrainingError: Error, CustomStringConvertible, Equatable {
    case oneClass(String)
    case noCandidates

    public var description: String {
        switch self {
        case .oneClass(let what): "the \(what) needs examples of both labels (0 and 1)"
        case .noCandidates: "no L2 strength to try"
        }
    }
}
