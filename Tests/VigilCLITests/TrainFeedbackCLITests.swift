import Foundation
import Testing

/// `vigil train --with-feedback` folds the labels users gave findings into training.
@Suite struct TrainFeedbackCLITests {
    @Test func labelledFindingsJoinTheTrainingData() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let demo = try cli.run(["demo", "--keep", "demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let config = cli.folder.appendingPathComponent("demo/config.toml").path
        let listing = try cli.run(["--config", config, "findings", "ls", "--json"])
        let rows = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]] ?? []
        let ids = rows.compactMap { $0["id"] as? Int }
        try #require(ids.count >= 3)
        #expect(try cli.run(["--config", config, "findings", "label", String(ids[0]), "hostile"]).status == 0)
        #expect(try cli.run(["--config", config, "findings", "label", String(ids[1]), "benign"]).status == 0)
        #expect(try cli.run(["--config", config, "findings", "label", String(ids[2]), "agent"]).status == 0)

        // A small, plainly separable training set written for this test.
        var lines: [String] = []
        for index in 0..<40 {
            lines.append(#"{"text": "you are a useless idiot and a fraud, number \#(index)", "label": 1}"#)
            lines.append(#"{"text": "thanks for the careful review of patch \#(index), merged", "label": 0}"#)
        }
        let data = try cli.write("train.jsonl", lines.joined(separator: "\n") + "\n")
        let trained = try cli.run(["--config", config, "train", "--task", "hostility", "--data", data, "--with-feedback", "--out", "model.vgm"])
        #expect(trained.status == 0, "\(trained.stderr)")
        // Two hostility labels (hostile, benign); the agent label belongs to the other task.
        #expect(trained.stderr.contains("2 labelled findings from the database"), "\(trained.stderr)")
        #expect(FileManager.default.fileExists(atPath: cli.folder.appendingPathComponent("model.vgm").path))

        let noDatabase = try cli.run(["--db", cli.folder.appendingPathComponent("absent.db").path, "train", "--task", "hostility", "--data", data, "--with-feedback", "--out", "m2.vgm"])
        #expect(noDatabase.status == 2)
    }
}
