import ArgumentParser
import Foundation
import VigilDaemon
import VigilStore

extension Vigil {
    struct Init: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a commented config and create the database.",
            discussion: "Writes DIR/config.toml (never over an existing one) and creates the database it names."
        )

        @OptionGroup var global: GlobalOptions

        @Option(help: ArgumentHelp("Directory for config.toml and the database.", valueName: "dir"))
        var dir: String = "."

        func run() async throws {
            let manager = FileManager.default
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: dir, isDirectory: &isDirectory), !isDirectory.boolValue {
                throw CommandFailure.badInput("\(dir) exists and is not a directory")
            }
            do {
                try manager.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure.runtime("cannot create \(dir): \(error.localizedDescription)")
            }
            let configPath = (dir as NSString).appendingPathComponent("config.toml")
            if manager.fileExists(atPath: configPath) {
                throw CommandFailure.badInput("\(configPath) already exists; not overwriting it")
            }
            let config = try ConfigLoader.parse(source: ConfigTemplate.text, path: configPath)
            let databasePath = global.db ?? config.databasePath
            do {
                // The config may come to hold secrets: private from the first byte.
                try PrivateFile.create(at: configPath, contents: Data((ConfigTemplate.text + "\n").utf8))
            } catch let error as StoreError {
                throw CommandFailure.runtime(error.message)
            }
            let store = try Store.open(at: databasePath)
            try config.sync(into: store)
            Output.line("wrote \(configPath)")
            Output.line("created \(databasePath) (schema version \(try store.schemaVersion()))")
            Output.line("next: vigil --config \(configPath) watch add \"Your Name\"")
        }
    }
}
