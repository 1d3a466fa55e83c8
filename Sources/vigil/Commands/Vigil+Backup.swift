import ArgumentParser
import Foundation
import VigilStore

extension Vigil {
    /// `vigil backup PATH`: a consistent copy of the database, made with SQLite's
    /// online backup API, so it is safe while the daemon runs.
    struct Backup: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Copy the database to a file (safe while the daemon runs).",
            discussion: """
                The copy is the database as of one moment, written to a temporary file beside PATH \
                (mode 600), checked with SQLite's quick check and then renamed into place. \
                To restore: stop the daemon, copy the backup over the database file (removing any \
                -wal and -shm files beside it), and run `vigil doctor`.
                """
        )

        @OptionGroup var global: GlobalOptions

        @Argument(help: ArgumentHelp("The file to write.", valueName: "path"))
        var path: String

        @Flag(help: "Replace PATH when it exists.")
        var force = false

        func run() async throws {
            try CommandContext.requireExistingDatabase(global)
            let config = try CommandContext.loadConfig(global)
            guard let databasePath = global.db ?? config?.databasePath else {
                throw CommandFailure.badInput("no config file at \(global.configPath); pass --config or --db")
            }
            if PostgreSQLLocation.isURL(databasePath) { throw CommandFailure.badInput(Store.postgreSQLBackupRefusal.message) }
            guard FileManager.default.fileExists(atPath: databasePath) else {
                throw CommandFailure.badInput("no database at \(databasePath)")
            }
            let target = URL(fileURLWithPath: path).standardizedFileURL.path
            let source = URL(fileURLWithPath: databasePath).standardizedFileURL.resolvingSymlinksInPath().path
            let resolvedTarget = URL(fileURLWithPath: target).resolvingSymlinksInPath().path
            guard ![source, source + "-wal", source + "-shm"].contains(resolvedTarget) else {
                throw CommandFailure.badInput("\(path) is the database itself; back up to another file")
            }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) {
                if isDirectory.boolValue { throw CommandFailure.badInput("\(path) is a directory; name a file") }
                if !force { throw CommandFailure.badInput("\(path) already exists; pass --force to replace it") }
            }
            let folder = (target as NSString).deletingLastPathComponent
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw CommandFailure.badInput("the folder of \(path) does not exist")
            }

            let store = try Store.open(at: databasePath)
            let temporary = (folder as NSString).appendingPathComponent(".vigil-backup-\(UUID().uuidString).db")
            try Self.createPrivateFile(at: temporary)
            do {
                try store.backup(to: temporary)
                guard rename(temporary, target) == 0 else {
                    throw CommandFailure.runtime("cannot move the backup to \(path): \(String(cString: strerror(errno)))")
                }
            } catch {
                for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: temporary + suffix) }
                throw error
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: target)[.size] as? NSNumber)?.int64Value ?? 0
            Output.line("backed up \(databasePath) to \(path) (\(ByteCountFormatting.string(Int(size))), quick check ok)")
        }

        /// An empty file only its owner can read: SQLite keeps the mode of the file it opens.
        static func createPrivateFile(at path: String) throws {
            let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                throw CommandFailure.runtime("cannot create \(path): \(String(cString: strerror(errno)))")
            }
            defer { close(descriptor) }
            guard fchmod(descriptor, 0o600) == 0 else {
                throw CommandFailure.runtime("cannot make \(path) private: \(String(cString: strerror(errno)))")
            }
        }
    }
}
