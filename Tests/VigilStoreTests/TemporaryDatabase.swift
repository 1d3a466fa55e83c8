import Foundation
@testable import VigilStore

/// A fresh database file in its own temporary folder, removed on deinit.
final class TemporaryDatabase {
    let folder: URL
    let store: Store

    var path: String { folder.appendingPathComponent("vigil.db").path }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        store = try Store.open(at: folder.appendingPathComponent("vigil.db").path)
    }

    deinit {
        try? FileManager.default.removeItem(at: folder)
    }
}
