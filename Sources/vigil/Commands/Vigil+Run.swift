import ArgumentParser
import Foundation
import Logging
import ServiceLifecycle
import VigilDaemon
import VigilStore
import VigilWeb

extension Vigil {
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the daemon in the foreground.",
            discussion: """
                Polls due feeds, stores findings and delivers alerts until SIGTERM or SIGINT, \
                which finish the work in flight and exit within seconds. SIGHUP re-reads the \
                people, teams and feeds declared in the config; channels, thresholds, poll \
                settings and the digest schedule take effect at the next start. A feed added \
                with `vigil feeds add` or on SIGHUP is polled within seconds. Only one \
                daemon may poll a database.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Flag(help: "Log every feed.")
        var verbose = false

        func run() async throws {
            let setup = try await DaemonSetup.open(global, verbose: verbose, logLabel: "vigil", command: "vigil run")
            let store = setup.context.store
            let configPath = setup.config.path
            let hasConfigFile = setup.context.config != nil
            let router = try AlertRouting.router(for: setup.config)
            let config = setup.config
            let logger = setup.logger
            let metrics = DaemonMetrics()
            var metricsServer: LoopbackHTTPServer?
            if let listen = config.metricsListen {
                do {
                    metricsServer = try metrics.serve(listen: listen)
                } catch let error as DaemonError {
                    throw CommandFailure.badInput("\(config.path): [metrics] listen: \(error.message)")
                }
                logger.info("metrics on http://\(listen)/metrics")
            }
            defer { metricsServer?.stop() }
            let daemon = Daemon(
                store: store,
                makeCycle: {
                    try PipelineAssembly.pollCycle(config: config, store: store, version: VigilVersion.string, logger: logger, router: router)
                },
                logger: logger, retentionSeconds: setup.config.poll.retentionSeconds,
                onCycle: { metrics.record($0) },
                reload: {
                    guard hasConfigFile else { return }
                    let fresh = try ConfigLoader.load(path: configPath)
                    let summary = try fresh.sync(into: store)
                    logger.info("synced config", metadata: [
                        "people_added": "\(summary.peopleAdded)", "people_removed": "\(summary.peopleRemoved)",
                        "feeds_added": "\(summary.feedsAdded)", "feeds_removed": "\(summary.feedsRemoved)",
                    ])
                },
                companions: [{ [lease = setup.lease] in try await lease.keepAlive() }]
                    + (try AlertRouting.companions(config: setup.config, store: store, logger: logger)))
            var services: [any Service] = [daemon]
            if let listen = config.webListen {
                let address: ListenAddress
                do {
                    address = try ListenAddress(parsing: listen)
                } catch {
                    throw CommandFailure.badInput("\(config.path): [web] listen wants HOST:PORT, such as 127.0.0.1:8080, not '\(listen)'")
                }
                services.append(DashboardServer(
                    store: store, host: address.host, port: address.port, settings: .init(config: config, store: store), logger: logger
                ) { port in
                    logger.info("dashboard listening on \(address.url(port: port))")
                })
            }
            logger.info("vigil \(VigilVersion.string) polling \(store.path)")
            let group = ServiceGroup(configuration: ServiceGroupConfiguration(
                services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
            do {
                try await group.run()
            } catch {
                throw CommandFailure.runtime("daemon stopped: \(error)")
            }
            withExtendedLifetime(setup.lease) {}
        }
    }
}
