import Foundation
import GRDB

extension Store {
    /// When the next enabled feed falls due, or nil when there is none. One
    /// read of an index, cheap enough for the daemon to ask every couple of
    /// seconds, which is how a feed added with the CLI is noticed at once.
    public func nextFeedDue() throws -> Date? {
        try read { db in
            try Date.fetchOne(db, sql: "SELECT MIN(next_poll_at) FROM feeds WHERE enabled = 1 AND source = 'web'")
        }
    }
}
