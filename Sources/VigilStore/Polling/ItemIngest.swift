import Foundation

/// One parsed entry as the pipeline hands it to the store, with its status
/// and, when it was scored, its findings.
public struct ItemIngest: Sendable, Equatable {
    public var key: EntryKey
    public var status: EntryStatus
    public var url: String?
    public var title: String?
    public var author: String?
    public var publishedAt: Date?
    /// The extracted text, kept only when the entry mentions a watched person.
    public var text: String?
    public var findings: [FindingDraft]

    public init(
        key: EntryKey, status: EntryStatus, url: String? = nil, title: String? = nil, author: String? = nil,
        publishedAt: Date? = nil, text: String? = nil, findings: [FindingDraft] = []
    ) {
        self.key = key
        self.status = status
        self.url = url
        self.title = title
        self.author = author
        self.publishedAt = publishedAt
        self.text = text
        self.findings = findings
    }
}
