import ArgumentParser
import Foundation
import VigilDaemon
import VigilStore

struct DigestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest",
        abstract: "Summarise findings for a period: per person and team, top findings, sources, trend.",
        discussion: """
            The period is the last --since (default 7d) up to now, compared with the period of the \
            same length before it; the trend covers seven periods before it. Dates are shown in the \
            config's [digest] time_zone, or the machine's. The daemon sends the scheduled digest by itself.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Option(help: ArgumentHelp("The period, ending now, e.g. 24h, 7d, 2w.", valueName: "duration"))
    var since: String = "7d"

    @Option(help: "Only this person.") var person: String?
    @Option(help: "Only this team.") var team: String?
    @Option(help: "text, markdown, html or json.") var format: String = "text"
    @Option(help: "Send it through this channel instead of printing it.") var send: String?

    func run() async throws {
        guard let seconds = DurationParser.seconds(since), seconds > 0 else {
            throw CommandFailure.badInput("--since: '\(since)' is not a duration like 24h, 7d or 2w")
        }
        guard seconds <= 366 * 86_400 else {
            throw CommandFailure.badInput("--since: '\(since)' is longer than a year")
        }
        if person != nil, team != nil {
            throw CommandFailure.badInput("give --person or --team, not both")
        }
        let renderFormat: DigestFormat
        do {
            renderFormat = try DigestFormat(parsing: format)
        } catch let error as DigestError {
            throw CommandFailure.badInput(error.message)
        }
        if let send {
            // Sending goes through the alert channels, which this version does not have yet.
            throw CommandFailure.runtime("sending a digest through a channel ('--send \(send)') is not built yet in this version of vigil; print it and pipe it instead")
        }
        let context = try CommandContext.open(global)
        var zone = TimeZone.current
        if let name = context.config?.digest.timeZone, let named = TimeZone(identifier: name) { zone = named }
        let scope: FindingScope = person.map { .person($0) } ?? team.map { .team($0) } ?? .all
        let now = Date()
        let period = DigestPeriod.last(seconds: seconds, before: now)
        let digest: Digest
        do {
            digest = try DigestBuilder(store: context.store, timeZone: zone).build(scope: scope, periods: period.withPreceding(7), now: now)
        } catch let error as DigestError {
            throw error.isBadInput ? CommandFailure.badInput(error.message) : CommandFailure.runtime(error.message)
        }
        Output.text(try renderFormat.render(digest))
    }
}
