import ArgumentParser

extension Vigil {
    struct Feeds: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Manage feeds: add, list, remove, import and export OPML, discover, check.",
            subcommands: [
                Add.self, List.self, Remove.self, Import.self,
                Export.self, Discover.self, Check.self,
            ]
        )
    }
}
