import VigilAlerts

/// The `[alerts]` table: what holds for every channel's alerts.
public struct AlertSettings: Sendable, Equatable {
    /// Alerts of their own per person, channel and feed poll; the findings
    /// beyond it go out as one burst alert. 0 turns grouping off.
    public var burstLimit = AlertRouter.defaultBurstLimit

    public init() {}
}
