import Logging
import ServiceLifecycle
import VigilWeb

extension DashboardServer {
    /// Serves until SIGTERM or SIGINT, as `vigil serve` and `vigil demo
    /// --serve` do in the foreground; a server that stops on its own is an error.
    func runInForeground(logger: Logger) async throws {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(
            services: [self], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        do {
            try await group.run()
        } catch {
            throw CommandFailure.runtime("the dashboard stopped: \(error)")
        }
    }
}
