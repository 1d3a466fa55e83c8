import Foundation

/// Where a PostgreSQL database is and how to reach it, from
/// `postgresql://user[:password]@host[:port]/database[?sslmode=…&host=/socket/dir]`.
/// The password comes from the URL, else from `password_env` or
/// `password_file` (the config's keys), else from `PGPASSWORD`, as libpq
/// reads it. The description never shows the password.
public struct PostgreSQLLocation: Sendable, Equatable, CustomStringConvertible {
    /// libpq's `sslmode`, as far as vigil honours it.
    public enum TLSMode: String, Sendable, Equatable {
        /// Plain TCP.
        case disable
        /// TLS when the server offers it, unverified; plain otherwise (libpq's default).
        case prefer
        /// TLS, unverified (libpq's `require`).
        case require
        /// TLS with the server's certificate and name verified (`verify-full`; `verify-ca` reads the same).
        case verifyFull = "verify-full"
    }

    public var user: String
    public var password: String?
    /// A host name or address, or a folder holding the server's Unix socket.
    public var host: String
    public var port: Int
    public var database: String
    public var tls: TLSMode

    /// Whether `text` names a PostgreSQL database rather than a file.
    public static func isURL(_ text: String) -> Bool {
        let lower = text.lowercased()
        return lower.hasPrefix("postgresql://") || lower.hasPrefix("postgres://")
    }

    public init(user: String, password: String? = nil, host: String, port: Int = 5432, database: String, tls: TLSMode = .prefer) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database
        self.tls = tls
    }

    /// Parses a URL; `passwordEnv` and `passwordFile` are read when it has no password.
    public init(
        url text: String, passwordEnv: String? = nil, passwordFile: String? = nil,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws {
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw StoreError.badInput("'\(Self.redacted(text))' is not a postgresql:// URL")
        }
        guard let user = components.percentEncodedUser?.removingPercentEncoding, !user.isEmpty else {
            throw StoreError.badInput("\(Self.redacted(text)): name the user, as postgresql://USER@HOST/DATABASE")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError.badInput("\(Self.redacted(text)): name the database, as postgresql://USER@HOST/DATABASE")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        for key in query.keys where !["sslmode", "host", "port"].contains(key) {
            throw StoreError.badInput("\(Self.redacted(text)): unknown parameter '\(key)' (vigil reads sslmode, host and port)")
        }
        var tls = TLSMode.prefer
        if let mode = query["sslmode"] {
            switch mode {
            case "disable", "allow": tls = .disable
            case "prefer": tls = .prefer
            case "require": tls = .require
            case "verify-ca", "verify-full": tls = .verifyFull
            default: throw StoreError.badInput("\(Self.redacted(text)): sslmode '\(mode)' is not one of disable, prefer, require, verify-full")
            }
        }
        let host = query["host"] ?? components.host.flatMap { $0.isEmpty ? nil : $0 } ?? "localhost"
        var port = components.port ?? 5432
        if let text = query["port"] {
            guard let value = Int(text) else { throw StoreError.badInput("\(Self.redacted(text)): port '\(text)' is not a number") }
            port = value
        }
        var password = components.percentEncodedPassword?.removingPercentEncoding
        if password == nil, let name = passwordEnv {
            guard let value = environment[name], !value.isEmpty else {
                throw StoreError.badInput("password_env names $\(name), which is not set")
            }
            password = value
        }
        if password == nil, let path = passwordFile {
            guard let value = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw StoreError.badInput("cannot read password_file \(path)")
            }
            password = value.trimmingCharacters(in: .newlines)
        }
        if password == nil { password = environment["PGPASSWORD"].flatMap { $0.isEmpty ? nil : $0 } }
        self.init(user: user, password: password, host: host, port: port, database: database, tls: tls)
    }

    /// Whether `host` names a socket folder rather than a host.
    public var usesUnixSocket: Bool { host.hasPrefix("/") }

    public var description: String {
        let place = usesUnixSocket ? "localhost:\(port)/\(database)?host=\(host)" : "\(host):\(port)/\(database)"
        return "postgresql://\(user)@\(place)"
    }

    /// A URL with any password replaced, for messages.
    static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "redacted"
        return components.string ?? "postgresql://…"
    }
}
