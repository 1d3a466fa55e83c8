import Foundation
import Logging
import ServiceLifecycle
import VigilStore
import VigilWeb

extension Vigil.Demo {
    /// The account `demo --serve` makes for the one who ran it.
    static let dashboardUser = "demo"

    /// Serves the dashboard over the demo's database on a loopback address
    /// until SIGINT or SIGTERM, with an admin account whose random password
    /// is printed once and kept nowhere but as its bcrypt hash.
    static func serve(store: Store, address: ListenAddress, logger: Logger) async throws {
        let password = randomPassword()
        _ = try store.addUser(name: dashboardUser, passwordHash: PasswordHashing.hash(password), isAdmin: true, teams: [])
        let server = DashboardServer(
            store: store, host: address.host, port: address.port, settings: .init(config: nil, store: store), logger: logger
        ) { port in
            Output.line("")
            Output.line("== dashboard")
            Output.line("dashboard listening on \(address.url(port: port))")
            Output.line("sign in as \(dashboardUser) with the password \(password)")
            Output.line("(a one-time login: it is printed only here; stop the dashboard with Ctrl-C)")
        }
        try await server.runInForeground(logger: logger)
    }

    /// 20 letters and digits from the system's random source: about 119 bits,
    /// and nothing a terminal or a shell would read specially.
    static func randomPassword() -> String {
        let alphabet = Array("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<20).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }
}
