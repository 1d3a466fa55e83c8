import Foundation
import TOMLKit
import VigilStore

/// Reads and checks a config file. Every problem is a `ConfigError` naming the
/// file, the line and the key; unknown keys are errors too, since a misspelt
/// key silently ignored is a watch that silently does not happen.
public enum ConfigLoader {
    /// Loads the config at `path`.
    public static func load(path: String) throws -> VigilConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            throw ConfigError(file: path, reason: "no config file here (create one with `vigil init`)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ConfigError(file: path, reason: "cannot read the file: \(error.localizedDescription)")
        }
        guard let source = String(data: data, encoding: .utf8) else {
            throw ConfigError(file: path, reason: "the file is not UTF-8 text")
        }
        return try parse(source: source, path: path)
    }

    /// Parses config text as if read from `path` (which anchors relative paths).
    public static func parse(source: String, path: String) throws -> VigilConfig {
        // The TOML library stops the process on a few malformed shapes; those
        // are caught here first and reported like any other syntax error.
        if let problem = TOMLPreflight.problem(in: source) {
            throw ConfigError(file: path, line: problem.line, reason: problem.reason)
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: source)
        } catch let error as TOMLParseError {
            throw ConfigError(file: path, line: error.source.begin.line, reason: "TOML syntax: \(error.description)")
        } catch {
            throw ConfigError(file: path, reason: "TOML syntax: \(error)")
        }
        var reader = ConfigReader(path: path, locator: TOMLKeyLocator(source: source))
        return try reader.read(table)
    }
}
