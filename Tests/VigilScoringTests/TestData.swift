import Foundation

/// Where the tests find data: the shared datasets next to the project (skipped
/// when absent) and the long-form sets committed in the repository.
enum TestData {
    static let projectRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func shared(_ relative: String) -> String? {
        let path = projectRoot.appendingPathComponent("../shared/datasets").appendingPathComponent(relative).standardized.path
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    static func repository(_ relative: String) -> String {
        projectRoot.appendingPathComponent(relative).path
    }

    static let sharedMissing = "../shared/datasets is absent: the shared corpora are not part of a fresh clone"
}
