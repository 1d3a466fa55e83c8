/// What a feed says, or shows, about how often it changes.
public struct FeedUpdateHints: Sendable, Equatable {
    /// sy:updatePeriod values.
    public enum UpdatePeriod: String, Sendable, Equatable {
        case hourly, daily, weekly, monthly, yearly

        var seconds: Int64 {
            switch self {
            case .hourly: 3600
            case .daily: 86_400
            case .weekly: 7 * 86_400
            case .monthly: 30 * 86_400
            case .yearly: 365 * 86_400
            }
        }
    }

    /// Publication or update times of the feed's entries, seconds since 1970, any order.
    public var entryTimestamps: [Int64]
    /// RSS `<ttl>`, in minutes.
    public var ttlMinutes: Int?
    public var updatePeriod: UpdatePeriod?
    /// sy:updateFrequency: how many times per `updatePeriod` (1 when absent).
    public var updateFrequency: Int?
    /// Cache-Control max-age of the last answer.
    public var cacheMaxAge: Duration?

    public init(entryTimestamps: [Int64] = [], ttlMinutes: Int? = nil, updatePeriod: UpdatePeriod? = nil,
                updateFrequency: Int? = nil, cacheMaxAge: Duration? = nil) {
        self.entryTimestamps = entryTimestamps
        self.ttlMinutes = ttlMinutes
        self.updatePeriod = updatePeriod
        self.updateFrequency = updateFrequency
        self.cacheMaxAge = cacheMaxAge
    }
}

/// Chooses each feed's poll interval: from how often its entries have actually
/// appeared, never more often than the publisher asks (`<ttl>`, sy:update*,
/// max-age), and always within the configured bounds.
public struct PollIntervalPolicy: Sendable, Equatable {
    /// The interval for a feed that shows nothing to go by.
    public var defaultInterval: Duration
    public var minimumInterval: Duration
    public var maximumInterval: Duration
    /// How many recent entries the observed rate is measured over.
    public var observedEntries: Int

    public init(defaultInterval: Duration = .seconds(15 * 60), minimumInterval: Duration = .seconds(5 * 60),
                maximumInterval: Duration = .seconds(24 * 3600), observedEntries: Int = 20) {
        self.defaultInterval = defaultInterval
        self.minimumInterval = min(minimumInterval, maximumInterval)
        self.maximumInterval = maximumInterval
        self.observedEntries = max(2, observedEntries)
    }

    /// The interval until the next poll.
    public func interval(for hints: FeedUpdateHints) -> Duration {
        var interval = observedInterval(hints.entryTimestamps) ?? defaultInterval
        if let floor = publisherFloor(hints) {
            interval = max(interval, floor)
        }
        return min(max(interval, minimumInterval), maximumInterval)
    }

    /// Half the median gap between recent entries: a feed that posts every two hours
    /// is read within an hour of each post. Nil with fewer than two distinct times.
    public func observedInterval(_ timestamps: [Int64]) -> Duration? {
        let recent = Array(Set(timestamps).sorted().suffix(observedEntries))
        guard recent.count >= 2 else { return nil }
        let gaps = zip(recent.dropFirst(), recent).map { $0 - $1 }.sorted()
        let median = gaps.count % 2 == 1
            ? Double(gaps[gaps.count / 2])
            : Double(gaps[gaps.count / 2 - 1] + gaps[gaps.count / 2]) / 2
        return .seconds(median / 2)
    }

    /// The shortest interval the publisher allows, from the strictest of its hints.
    public func publisherFloor(_ hints: FeedUpdateHints) -> Duration? {
        var floors: [Duration] = []
        if let ttl = hints.ttlMinutes, ttl > 0 { floors.append(.seconds(Int64(ttl) * 60)) }
        if let period = hints.updatePeriod {
            let frequency = Int64(max(1, hints.updateFrequency ?? 1))
            floors.append(.seconds(period.seconds / frequency))
        }
        if let maxAge = hints.cacheMaxAge, maxAge > .zero { floors.append(maxAge) }
        return floors.max()
    }
}
