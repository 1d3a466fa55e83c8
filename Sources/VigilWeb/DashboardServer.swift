import Hummingbird
import Logging
import ServiceLifecycle
import VigilStore

/// `vigil serve`: the dashboard over one database, as a service that runs
/// until cancelled or shut down gracefully with its service group.
public struct DashboardServer: Service {
    private let store: Store
    private let host: String
    private let port: Int
    private let settings: DashboardSettings
    private let logger: Logger
    private let onListening: @Sendable (_ port: Int) async -> Void
    /// The work factor of the hash a login with an unknown name is checked
    /// against; tests lower it with their users' hashes.
    var passwordCost = PasswordHashing.cost

    /// Port 0 picks a free port; `onListening` learns which once the server
    /// accepts connections.
    public init(
        store: Store, host: String, port: Int, settings: DashboardSettings = DashboardSettings(), logger: Logger,
        onListening: @escaping @Sendable (_ port: Int) async -> Void = { _ in }
    ) {
        self.store = store
        self.host = host
        self.port = port
        self.settings = settings
        self.logger = logger
        self.onListening = onListening
    }

    public func run() async throws {
        let dashboard = try Dashboard(store: store, settings: settings, passwordCost: passwordCost)
        let port = port
        let onListening = onListening
        let application = Application(
            router: dashboard.router(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
        try await application.run()
    }
}
