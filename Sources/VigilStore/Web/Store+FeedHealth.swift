import Foundation

extension Store {
    /// Every feed of every source (feeds, GitHub repositories, followed
    /// sites), those failing longest first, then disabled ones, then by
    /// address: the dashboard's feeds page, where trouble belongs on top.
    public func feedHealth() throws -> [FeedRecord] {
        try reading { session in
            try session.fetch(FeedRecord.self, """
                SELECT * FROM feeds
                ORDER BY consecutive_failures DESC, enabled ASC, url
                """)
        }
    }
}
