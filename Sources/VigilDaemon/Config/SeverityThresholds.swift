/// Attack-score thresholds that turn a calibrated probability into a
/// severity. Raising them trades missed attacks for fewer false alarms.
public struct SeverityThresholds: Sendable, Equatable {
    public var low = 0.35
    public var medium = 0.55
    public var high = 0.75

    public init() {}
}
