import Foundation

/// The finding another one points at through `related_finding_id`, as a
/// listing or an explanation names it: for coverage, the attack it reports on.
public struct RelatedFinding: Sendable, Equatable {
    public var id: Int64
    public var kind: FindingKind
    public var title: String?
    public var url: String?
    /// When vigil created the related finding.
    public var createdAt: Date

    public init(id: Int64, kind: FindingKind, title: String?, url: String?, createdAt: Date) {
        self.id = id
        self.kind = kind
        self.title = title
        self.url = url
        self.createdAt = createdAt
    }
}
