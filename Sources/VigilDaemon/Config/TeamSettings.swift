/// A team declared in the config file, with the channels its alerts go to.
public struct TeamSettings: Sendable, Equatable {
    public var name: String
    public var channels: [String] = []

    public init(name: String) {
        self.name = name
    }
}
