import NIOSSL
import PostgresNIO

extension PostgreSQLLocation {
    /// How one connection to this location is made: its socket or host,
    /// credentials, and TLS as `sslmode` asks (`prefer` and `require`
    /// encrypt without checking the certificate, as libpq's do;
    /// `verify-full` checks it against the system's roots).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        if usesUnixSocket {
            configuration = .init(
                unixSocketPath: "\(host)/.s.PGSQL.\(port)", username: user, password: password, database: database)
        } else {
            let mode: PostgresConnection.Configuration.TLS
            switch tls {
            case .disable: mode = .disable
            case .prefer, .require:
                var unverified = TLSConfiguration.makeClientConfiguration()
                unverified.certificateVerification = .none
                let context = try NIOSSLContext(configuration: unverified)
                mode = tls == .prefer ? .prefer(context) : .require(context)
            case .verifyFull: mode = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            configuration = .init(host: host, port: port, username: user, password: password, database: database, tls: mode)
        }
        configuration.options.connectTimeout = .seconds(10)
        return configuration
    }
}
