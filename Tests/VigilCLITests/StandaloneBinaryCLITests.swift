import Foundation
import Testing

/// An installed `vigil` is one file: the models are compiled in, as the schema
/// and the demo are, so nothing has to sit beside the binary.
@Suite struct StandaloneBinaryCLITests {
    @Test func binaryCopiedAloneIntoAnEmptyFolderScoresText() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let alone = cli.folder.appendingPathComponent("vigil")
        try FileManager.default.copyItem(at: CLI.binary, to: alone)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cli.folder.path) == ["vigil"])

        let line = #"{"id": "alone", "text": "Ada Lovelace closed my pull request in an hour. She is protecting her fiefdom, and her insecurity shows in every review."}"#
        let arguments = ["scan", "--jsonl", "--watch", "Ada Lovelace"]
        let fromFolder = try cli.run(arguments, stdin: line, executable: alone)
        let fromBuild = try cli.run(arguments, stdin: line)
        #expect(fromFolder.status == 0, "\(fromFolder.stderr)")
        #expect(fromFolder.stderr.isEmpty)
        #expect(fromFolder.stdout == fromBuild.stdout)

        let record = try #require(try JSONSerialization.jsonObject(with: Data(fromFolder.stdout.utf8)) as? [String: Any])
        #expect(record["id"] as? String == "alone")
        let mentions = try #require(record["mentions"] as? [[String: Any]])
        #expect(mentions.contains { $0["person"] as? String == "Ada Lovelace" })
        let hostility = try #require(record["hostility"] as? Double)
        #expect(hostility > 0 && hostility < 1)
        let attack = try #require(record["attack"] as? [String: Double])
        #expect(attack["Ada Lovelace"] != nil)
    }

    /// SwiftPM compiles the build folder's path into a binary that reads resource
    /// bundles, as a fallback beside the one next to the executable, so a copy
    /// run on this machine would still find them there. A binary that names no
    /// bundle of vigil's own reads none.
    @Test func binaryNamesNoResourceBundleOfItsOwn() throws {
        let binary = try Data(contentsOf: CLI.binary)
        #expect(binary.range(of: Data("vigil_Vigil".utf8)) == nil)
    }
}
