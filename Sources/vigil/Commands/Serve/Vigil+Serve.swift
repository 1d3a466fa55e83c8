import ArgumentParser
import Logging
import ServiceLifecycle
import VigilWeb

extension Vigil {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the web dashboard over the database.",
            discussion: """
                Users sign in with accounts made by `vigil users add`. Plain HTTP: to offer it beyond \
                this machine, put a TLS proxy in front that sets X-Forwarded-Proto: https (believed \
                from a proxy on this machine only), so cookies are marked Secure.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Address and port to listen on.", valueName: "host:port"))
        var listen = "127.0.0.1:8080"

        func run() async throws {
            let address = try ListenAddress(parsing: listen)
            let context = try await CommandContext.open(global)
            if try context.store.users().isEmpty {
                Output.note("vigil: note: no users yet, so nobody can sign in; add one with `vigil users add NAME --admin`")
            }
            if !address.isLoopback {
                Output.note("vigil: note: \(address.host) is reachable from other machines over plain HTTP; prefer a TLS proxy")
            }
            LoggingBootstrap.once(format: context.config?.log.format ?? .text, level: .info)
            let logger = Logger(label: "vigil.web")
            let server = DashboardServer(
                store: context.store, host: address.host, port: address.port,
                settings: .init(config: context.config, store: context.store), logger: logger
            ) { port in
                Output.line("dashboard listening on \(address.url(port: port))")
            }
            try await server.runInForeground(logger: logger)
        }
    }
}
