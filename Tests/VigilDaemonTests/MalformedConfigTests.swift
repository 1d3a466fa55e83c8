import Foundation
import Testing
import VigilScoring
@testable import VigilDaemon

/// Malformed config text is a syntax error naming the file and line, never a
/// crash: the TOML library underneath stops the process on some shapes
/// (`[[[`, `a = [}`), which these tests would show as an aborted test run.
@Suite struct MalformedConfigTests {
    static let path = "/etc/vigil/config.toml"

    func failure(_ source: String) -> ConfigError? {
        do {
            _ = try ConfigLoader.parse(source: source, path: Self.path)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    /// Each of these aborted the process inside the TOML library before the preflight.
    @Test(arguments: [
        "[[[", "[=", "[{", "[[=", "[ #", "[[ }", "[\u{7}]", "name = 1\n[[[people]]]",
        "a = [}", "a = [1,}", "a = [ # comment\n}", "a = [1,\n\n}]", "a = { b = [} }", "a = [ [ } ] ]",
        "\u{FEFF}[[[", "d = 1979-05-27 7\n", "d = [1979-05-27 0]", "d = {x = 1979-05-27 1}", "d = 19_79-05-27 7,",
        "d = 1979-05-27 1#", "a=1112-1\"-14 7 ", "a=1112-00-0= 0 ", "L=1210-1/-10 0 ", "a = [\"x\", }",
        "k=1979-05-27T:", "k = [0692-05-27t:00]", "k=99-------\u{102} 4\n",
    ])
    func aShapeThatCrashedTheParserIsALocatedSyntaxError(source: String) throws {
        let error = try #require(failure(source))
        #expect(error.file == Self.path)
        #expect(error.line != nil)
        #expect(error.reason.hasPrefix("TOML syntax"), "\(error)")
        #expect(!error.description.contains("\n"))
    }

    @Test(arguments: [
        "[[", "[a]]", "a = [", "a = \"abc", "a = 'abc", "a = \"\"\"abc", "a = '''abc", "[a", "[[a]", "a.b.=1", "= 1",
        "a = {,}", "a = [ ,}", "[ [a]]", "a = \"x\ny\"",
    ])
    func otherMalformedTextIsASyntaxError(source: String) throws {
        let error = try #require(failure(source))
        #expect(error.file == Self.path)
        #expect(!error.description.contains("\n"))
    }

    @Test func deepNestingIsAnErrorNotAStackOverflow() throws {
        for source in [
            "a=" + String(repeating: "[", count: 100_000),
            "a=" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            "a=" + String(repeating: "{b=", count: 100_000),
            String(repeating: "[", count: 100_000),
        ] {
            #expect(failure(source) != nil)
        }
    }

    @Test func aNULByteIsNamed() throws {
        for source in ["database = \"vigil.db\"\0\n", "# a comment \0\n", "database = \"vig\0il.db\"\n"] {
            let error = try #require(failure(source))
            #expect(error.reason.contains("NUL"), "\(error)")
            #expect(error.line == 1)
        }
    }

    @Test func invalidUTF8IsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("config.toml")
        try Data([0x64, 0x61, 0x74, 0x61, 0x62, 0x61, 0x73, 0x65, 0x20, 0x3D, 0x20, 0x22, 0xFF, 0xFE, 0x22, 0x0A]).write(to: file)
        do {
            _ = try ConfigLoader.load(path: file.path)
            Issue.record("invalid UTF-8 was accepted")
        } catch let error as ConfigError {
            #expect(error.file == file.path)
            #expect(error.reason.contains("UTF-8"))
        }
    }

    /// The preflight rejects only what the library would reject: none of these
    /// valid shapes (brackets in strings, keys and comments; nested arrays that
    /// start a line; strings ending in extra quotes) is flagged.
    @Test(arguments: [
        "[\"a[}\"]\nx = 1",
        "a = \"\"\"x\"\"\"\"",
        "a = '''x'''''",
        "a = [[]]",
        "a = [\n  [1, 2],\n  [ {x = 1} ],\n  [[3]],\n]",
        "a = [ # [}\n  1,\n]",
        "# [[[\n[t]\nx = \"}\"",
        "a = 'C:\\'\n[b]\nc = 1",
        "a = \"q\\\"[}\"\n[b]",
        "[ a . \"b]\" ]\n[[ c ]]\n[[c]]",
        "a = \"\"\"\n[[[\n\"\"\"\n[b]",
        "a = { b = [1, 2], c = { d = [ ] } }",
        "a = [\r\n  1,\r\n]\r\n[b]\r\n",
        "\u{FEFF}[b]\nc = 1",
        "a = { b = 1, c = [ 1, 2 ] }\nd = [ { e = 1979-05-27 } ]",
        "a = \"1979-05-27 7,\" # 1979-05-27 7,",
        "d = 1979-05-27 07:32:00\ne = [1979-05-27, 1979-05-27 ]\nf = 1979-05-27 # 1979-05-27 7,",
        "d = 1979-05-27T07:32:00Z\ne = 1979-05-27t07:32:00.5+01:00",
    ])
    func validShapesPassThePreflight(source: String) {
        #expect(TOMLPreflight.problem(in: source) == nil, "\(source.debugDescription)")
    }

    @Test func aValidConfigWithTrickyStringsStillLoads() throws {
        let config = try ConfigLoader.parse(source: """
            database = "v[}.db" # [[[
            [[people]]
            name = "Ada [Lovelace]"
            aliases = [
              "A. L. }",
              '''[[x''',
            ]
            """, path: Self.path)
        #expect(config.databasePath == "/etc/vigil/v[}.db")
        #expect(config.people.first?.aliases == ["A. L. }", "[[x"])
    }

    /// Random text over TOML's significant characters: every input ends in a
    /// config or an error. A shape the preflight missed would abort the run.
    @Test func randomTOMLShapesNeverCrash() {
        let pieces = [
            "[", "]", "[[", "]]", "{", "}", ",", "=", "\"", "'", "\"\"\"", "'''", "#", "\n", " ", "a", "1", ".", "\\", "name", "\t",
            "1979-05-27", "T", ":", "-", "_", "7",
        ]
        var generator = SeededGenerator(seed: 0x7011_5EED)
        var errors = 0
        for _ in 0..<20_000 {
            let length = Int.random(in: 1...24, using: &generator)
            var source = ""
            for _ in 0..<length { source += pieces.randomElement(using: &generator) ?? "" }
            if failure(source) != nil { errors += 1 }
        }
        #expect(errors > 0)
    }
}
