import GRDB

/// A record kept in a table whose key is an integer `id`: what the
/// sessions' record methods read and write on either database.
public protocol StoredRecord: Codable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get set }
}

extension CycleRecord: StoredRecord {}
extension DigestRecord: StoredRecord {}
extension FeedRecord: StoredRecord {}
extension FindingRecord: StoredRecord {}
extension FollowedLinkRecord: StoredRecord {}
extension GitHubRepositoryRecord: StoredRecord {}
extension ItemRecord: StoredRecord {}
extension OutboxRecord: StoredRecord {}
extension PersonRecord: StoredRecord {}
extension PullRequestRecord: StoredRecord {}
extension TeamRecord: StoredRecord {}
