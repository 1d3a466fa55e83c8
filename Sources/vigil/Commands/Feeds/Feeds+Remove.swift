import ArgumentParser
import VigilText

extension Vigil.Feeds {
    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Remove a feed with its items and their findings."
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The feed URL.")
        var url: String

        func run() async throws {
            let context = try await CommandContext.open(global)
            try context.store.removeFeed(url: url)
            Output.line("removed \(URLRedaction.redacted(url))")
        }
    }
}
