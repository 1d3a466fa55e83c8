import GRDB

/// Errors from the store, as values with the context a user needs to act.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public let message: String
    /// True when the caller's input was wrong (an unknown person, a duplicate
    /// feed), rather than the database failing.
    public let isBadInput: Bool

    public init(_ message: String, isBadInput: Bool) {
        self.message = message
        self.isBadInput = isBadInput
    }

    public var description: String { message }

    static let damagedDetail = "the file is not a vigil database or is damaged"

    /// True when SQLite found the file damaged or not a database at all:
    /// restoring a backup is then the way out, not a retry.
    public var isDamaged: Bool { message.hasSuffix(Self.damagedDetail) }

    static func badInput(_ message: String) -> StoreError {
        StoreError(message, isBadInput: true)
    }

    /// Turns a SQLite error into one readable line, naming full disks and
    /// locked databases plainly since those are the ones users can fix.
    static func wrap(_ error: any Error, context: String) -> StoreError {
        guard let sqlite = error as? DatabaseError else {
            return StoreError("\(context): \(error)", isBadInput: false)
        }
        let detail: String
        switch sqlite.resultCode {
        case .SQLITE_FULL: detail = "the disk is full"
        case .SQLITE_BUSY, .SQLITE_LOCKED: detail = "the database is locked by another process"
        case .SQLITE_READONLY: detail = "the database is read-only"
        case .SQLITE_CANTOPEN: detail = "the file cannot be opened"
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: detail = damagedDetail
        default: detail = sqlite.message ?? "\(sqlite.resultCode)"
        }
        return StoreError("\(context): \(detail)", isBadInput: false)
    }
}
