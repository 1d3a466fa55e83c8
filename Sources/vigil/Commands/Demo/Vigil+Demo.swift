import VigilText
import ArgumentParser
import Foundation
import VigilDaemon
import VigilStore

extension Vigil {
    struct Demo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Self-contained demo: a loopback feed server, one cycle, findings, alerts and a digest.",
            discussion: """
                Serves the sample feeds compiled into vigil (fictional maintainers, an agent-run blog \
                that attacks one of them after a rejected pull request, news, praise, a broken feed) \
                on 127.0.0.1, runs one cycle of the real pipeline into a temporary database, and \
                prints what vigil found. Needs no network and no config. With --serve, the \
                dashboard then shows the findings on a loopback address, signed in with a \
                one-time login the demo prints.
                """
        )

        @Option(help: ArgumentHelp("Keep the demo's config and database in this folder instead of a temporary one.", valueName: "dir"))
        var keep: String?

        @Flag(help: "Log every feed.")
        var verbose = false

        @Flag(help: "Then serve the dashboard over the demo's findings, with a one-time login printed, until Ctrl-C.")
        var serve = false

        @Option(help: ArgumentHelp("Where --serve listens: a loopback HOST:PORT (port 0 picks a free one).", valueName: "host:port"))
        var listen: String?

        func run() async throws {
            if listen != nil && !serve { throw CommandFailure.badInput("--listen is for --serve") }
            let address = try ListenAddress(parsing: listen ?? "127.0.0.1:8080")
            if serve && !address.isLoopback {
                throw CommandFailure.badInput("the demo's dashboard listens on this machine only; give --listen a loopback address such as 127.0.0.1:0")
            }
            let folder = keep.map { URL(fileURLWithPath: $0) }
                ?? FileManager.default.temporaryDirectory.appendingPathComponent("vigil-demo-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }

            let server = try DemoSamples.startServer()
            defer { server.stop() }
            let configPath = folder.appendingPathComponent("config.toml").path
            if FileManager.default.fileExists(atPath: configPath) {
                throw CommandFailure.badInput("\(configPath) already exists; give --keep an empty folder")
            }
            try PrivateFile.create(at: configPath, contents: Data(DemoSamples.config(server: server).utf8))

            let global = try GlobalOptions.parse(["--config", configPath])
            let setup = try await DaemonSetup.open(global, verbose: verbose, logLabel: "vigil.demo", command: "vigil demo", quiet: true)
            let store = setup.context.store
            var config = setup.config
            DemoSamples.prepare(&config)
            Output.line("vigil demo: \(DemoSamples.documents.count) sample feeds and the GitHub repository \(DemoSamples.trailRepository) on http://127.0.0.1:\(server.port)/, watching \(try store.people().count) fictional maintainers")
            Output.line("")

            let router = try AlertRouting.router(for: config)
            let cycle = try PipelineAssembly.pollCycle(
                config: config, store: store, version: VigilVersion.string, logger: setup.logger, router: router)
            let watchlist = WatchlistSnapshot(entries: try store.people())
            let report = try await cycle.run(dueOnly: false, watchlist: watchlist)
            Output.line("== one cycle: \(report.feedsPolled) feeds, \(report.entries) entries, \(report.summary.findingsNew) findings, \(report.feedsFailed) feeds failed, \(String(format: "%.1f", report.duration))s")
            for feed in try store.feeds() where feed.lastError != nil {
                Output.line("   note: \(UntrustedText.plain(feed.title ?? URLRedaction.redacted(feed.url))): \(UntrustedText.plain(URLRedaction.redactingURLs(in: feed.lastError!), limit: 200))")
            }
            // The trail, and a second cycle for the feed it subscribed (the only one due).
            let second = try await Trail.print(first: report, cycle: cycle, store: store, watchlist: watchlist)
            Output.line("")

            let findingsNew = report.summary.findingsNew + second.summary.findingsNew
            let findings = try store.findingsWithContext(since: .distantPast, minimumSeverity: .low)
            Output.line("== findings (low and above; \(findingsNew - findings.count) more mentions scored none)")
            if findings.isEmpty { Output.line("   none") }
            for stored in findings {
                let finding = stored.finding
                Output.line("#\(finding.id!) \(finding.severity.rawValue.uppercased())  \(stored.person.name)  attack \(Self.percent(finding.attack))  agent \(Self.agent(finding.agent, text: stored.item.agent))")
                Output.line("   \(UntrustedText.plain(stored.item.title ?? "(untitled)", limit: 160))  [\(UntrustedText.plain(stored.feed.title ?? stored.feed.url, limit: 160))]")
                if let hostile = finding.evidence.first(where: { $0.kind == .hostile }) {
                    Output.line("   hostile (\(Self.percent(hostile.score))): \"\(UntrustedText.plain(hostile.text, limit: 200))\"")
                }
                if let agent = finding.evidence.first(where: { $0.kind == .agent }) {
                    Output.line("   agent-like (\(Self.percent(agent.score))): \"\(UntrustedText.plain(agent.text, limit: 200))\"")
                }
                if let pull = finding.closedPullRequest {
                    Output.line("   trail: \(UntrustedText.plain(pull.sentence(itemAt: stored.item.publishedAt ?? stored.item.firstSeenAt), limit: 200))")
                }
            }
            if findings.contains(where: { Self.percent($0.finding.agent) != $0.item.agent.map(Self.percent) && $0.item.agent != nil }) {
                Output.line("   (text alone: the post's own agent score, before the history of its feed or author weighed in;")
                Output.line("    `vigil findings show ID` explains that source prior)")
            }
            Output.line("")
            try await Report.printAlerts(store: store, config: config, logger: setup.logger)
            Output.line("")
            try Report.printDigest(store: store)
            if keep != nil {
                Output.line("")
                Output.line("kept: vigil --config \(configPath) findings ls")
            }
            if serve {
                server.stop()
                try await Self.serve(store: store, address: address, logger: setup.logger)
            }
            withExtendedLifetime(setup.lease) {}
        }

        /// A finding's agent score, with the text's own score beside it when the
        /// source prior moved it.
        static func agent(_ agent: Double, text: Double?) -> String {
            guard let text, percent(text) != percent(agent) else { return percent(agent) }
            return "\(percent(agent)) (text alone \(percent(text)))"
        }

        static func percent(_ value: Double) -> String {
            "\(Int((value * 100).rounded()))%"
        }
    }
}
