/// Why a model file could not be read or written.
public enum ModelFileError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case notAModel
    case unsupportedVersion(UInt32)
    case invalid(String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read model file \(path): \(reason)"
        case .notAModel: "not a vigil model file (bad magic bytes)"
        case .unsupportedVersion(let version): "model file format version \(version) is not supported by this vigil"
        case .invalid(let reason): "invalid model file: \(reason)"
        }
    }
}
