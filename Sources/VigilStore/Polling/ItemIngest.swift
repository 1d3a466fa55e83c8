import Foundation

/// One parsed entry as the pipeline hands it to the store, with its status
/// and, when it was scored, its agent score and findings.
public struct ItemIngest: Sendable, Equatable {
    public var key: EntryKey
    public var status: EntryStatus
    public var url: String?
    public var title: String?
    public var author: String?
    public var publishedAt: Date?
    /// The extracted text, kept only when the entry mentions a watched person.
    public var text: String?
    /// The text-only agent probability (before any source prior), for every
    /// new or edited entry whether or not it mentions anyone: the history the
    /// source prior of later posts reads.
    public var agent: Double?
    public var findings: [FindingDraft]

    public init(
        key: EntryKey, status: EntryStatus, url: String? = nil, title: String? = nil, author: String? = nil,
        publishedAt: Date? = nil, text: String? = nil, agent: Double? = nil, findings: [FindingDraft] = []
    ) {
        self.key = key
        self.status = status
        self.url = url
        self.title = title
        self.author = author
        self.publishedAt = publishedAt
        self.text = text
        self.agent = agent
        self.findings = findings
    }
}
