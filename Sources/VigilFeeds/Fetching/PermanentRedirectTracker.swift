/// Decides when a feed's stored URL follows a permanent redirect: only once the
/// same target has been seen on `requiredSightings` successive polls, so that a
/// misconfigured server for an afternoon does not lose the feed's real address.
public struct PermanentRedirectTracker: Sendable, Equatable {
    public static let defaultRequiredSightings = 3

    public private(set) var candidate: String?
    public private(set) var sightings: Int
    public let requiredSightings: Int

    /// Restores the tracker from what the store kept.
    public init(candidate: String? = nil, sightings: Int = 0, requiredSightings: Int = defaultRequiredSightings) {
        self.candidate = candidate
        self.sightings = candidate == nil ? 0 : sightings
        self.requiredSightings = max(1, requiredSightings)
    }

    /// Records one poll's permanent redirect target (nil when the poll saw none).
    /// Returns the URL to adopt when the threshold is reached, and starts over.
    public mutating func observe(_ target: String?) -> String? {
        guard let target else {
            candidate = nil
            sightings = 0
            return nil
        }
        if target == candidate {
            sightings += 1
        } else {
            candidate = target
            sightings = 1
        }
        guard sightings >= requiredSightings else { return nil }
        candidate = nil
        sightings = 0
        return target
    }
}
