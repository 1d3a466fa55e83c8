/// An author or contributor: any of the parts may be missing.
public struct FeedPerson: Sendable, Equatable, Codable {
    public var name: String?
    public var email: String?
    public var uri: String?

    public init(name: String? = nil, email: String? = nil, uri: String? = nil) {
        self.name = name
        self.email = email
        self.uri = uri
    }

    /// One line for display: "Name (email)", or whichever part exists.
    public var displayName: String {
        switch (name, email) {
        case let (name?, email?): "\(name) (\(email))"
        case let (name?, nil): name
        case let (nil, email?): email
        case (nil, nil): uri ?? ""
        }
    }

    var isEmpty: Bool { name == nil && email == nil && uri == nil }
}
