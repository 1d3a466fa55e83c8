import Foundation
import GRDB

/// What vigil concluded about one item and one watched person.
public struct FindingRecord: Codable, Sendable, Equatable, FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "findings"
    public static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    public static let databaseColumnEncodingStrategy = DatabaseColumnEncodingStrategy.convertToSnakeCase

    public enum State: String, Codable, Sendable, CaseIterable {
        case new
        case acked
    }

    /// A user's correction, fed back into training.
    public enum Label: String, Codable, Sendable, CaseIterable {
        case hostile
        case benign
        case agent
        case human
    }

    public var id: Int64?
    public var itemId: Int64
    public var personId: Int64
    public var hostility: Double
    public var agent: Double
    public var attack: Double
    public var severity: Severity
    /// Whether the text attacks the person, covers an attack or controversy
    /// involving them, or only mentions them.
    public var kind: FindingKind
    /// For coverage: the attack finding it reports on, when one was found.
    public var relatedFindingId: Int64?
    /// The pull request a watched person closed that the author's trail
    /// leads to, when there is one (stored as JSON).
    public var closedPullRequest: ClosedPullRequest?
    public var evidence: [Evidence]
    public var modelVersion: String
    public var state: State
    public var label: Label?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: Int64? = nil, itemId: Int64, personId: Int64, hostility: Double, agent: Double, attack: Double,
        severity: Severity, kind: FindingKind, relatedFindingId: Int64? = nil,
        closedPullRequest: ClosedPullRequest? = nil, evidence: [Evidence],
        modelVersion: String, state: State = .new,
        label: Label? = nil, createdAt: Date = Date(), updatedAt: Date = Date()
    ) {
        self.id = id
        self.itemId = itemId
        self.personId = personId
        self.hostility = hostility
        self.agent = agent
        self.attack = attack
        self.severity = severity
        self.kind = kind
        self.relatedFindingId = relatedFindingId
        self.closedPullRequest = closedPullRequest
        self.evidence = evidence
        self.modelVersion = modelVersion
        self.state = state
        self.label = label
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public static func databaseJSONEncoder(for column: String) -> JSONEncoder {
        ClosedPullRequest.jsonEncoder
    }

    public static func databaseJSONDecoder(for column: String) -> JSONDecoder {
        ClosedPullRequest.jsonDecoder
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
