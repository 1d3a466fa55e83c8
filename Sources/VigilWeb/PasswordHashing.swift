import HummingbirdBcrypt

/// How account passwords are kept: bcrypt, so a stolen database yields no
/// password cheaply, and a floor on length that `vigil users` enforces.
public enum PasswordHashing {
    /// The shortest password accepted, in characters.
    public static let minimumLength = 10

    /// Why `password` is refused, or nil when it is acceptable.
    public static func problem(with password: String) -> String? {
        if password.isEmpty { return "the password is empty" }
        if password.count < minimumLength { return "the password is shorter than \(minimumLength) characters" }
        if password.utf8.count > 72 { return "the password is longer than 72 bytes, more than bcrypt reads" }
        return nil
    }

    /// bcrypt's work factor: about a quarter of a second per check on a small server.
    static let cost: UInt8 = 12

    /// The bcrypt hash to store.
    public static func hash(_ password: String) -> String {
        hash(password, cost: cost)
    }

    static func hash(_ password: String, cost: UInt8) -> String {
        Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` is the one `hash` was made from.
    public static func verify(_ password: String, against hash: String) -> Bool {
        Bcrypt.verify(password, hash: hash)
    }
}
