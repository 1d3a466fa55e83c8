import Foundation
import VigilFeeds

/// Command input (a file, or standard input as `-`) read with a ceiling, so
/// that a huge file or an endless pipe costs at most the ceiling in memory and
/// ends in a clear error instead of exhausting the machine.
///
/// The ceiling is the fetcher's body limit (10 MiB): `vigil parse` and
/// `vigil scan` read no more of a local file than the daemon would keep of a
/// feed, so what they show is what polling could see.
enum BoundedInput {
    /// The most bytes read as one feed or one text.
    static let maxBytes = FetchConfiguration(userAgent: "vigil").maxBodyBytes

    /// The ceiling as people read it ("10 MiB").
    static func describe(_ bytes: Int) -> String {
        bytes % (1024 * 1024) == 0 ? "\(bytes / 1024 / 1024) MiB" : "\(bytes) bytes"
    }

    /// All of `path` (`-` for standard input), or a bad-input error when it
    /// holds more than `limit` bytes. A regular file's size is checked before
    /// anything is read.
    static func read(_ path: String, limit: Int = maxBytes) throws -> [UInt8] {
        let descriptor = try open(path)
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var status = stat()
        var expected = 0
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
            expected = Int(status.st_size)
            if expected > limit { throw tooLarge(path, limit: limit) }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(expected + 1)
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let count = try readChunk(descriptor, into: &buffer, path: path)
            if count == 0 { return bytes }
            if bytes.count + count > limit { throw tooLarge(path, limit: limit) }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    /// Calls `body` with each line of `path` (`-` for standard input), without
    /// its newline, in order, holding one chunk and one line in memory at a
    /// time. A line longer than `limit` bytes is skipped unread and `body` gets
    /// nil for it, so the caller can say so and go on.
    static func forEachLine(_ path: String, limit: Int = maxBytes, _ body: (UnsafeBufferPointer<UInt8>?) -> Void) throws {
        let descriptor = try open(path)
        defer { if descriptor != STDIN_FILENO { close(descriptor) } }
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var line: [UInt8] = []
        var skippingLongLine = false
        func append(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) {
            guard !skippingLongLine else { return }
            if line.count + bytes.count > limit {
                skippingLongLine = true
                line.removeAll()
            } else {
                line.append(contentsOf: bytes)
            }
        }
        func finishLine() {
            if skippingLongLine {
                body(nil)
            } else {
                line.withUnsafeBufferPointer { body($0) }
            }
            line.removeAll(keepingCapacity: line.capacity <= 1 << 20)
            skippingLongLine = false
        }
        while true {
            let count = try readChunk(descriptor, into: &chunk, path: path)
            if count == 0 { break }
            chunk.withUnsafeBufferPointer { buffer in
                var start = 0
                while start < count {
                    guard let newline = buffer[start..<count].firstIndex(of: UInt8(ascii: "\n")) else {
                        append(buffer[start..<count])
                        return
                    }
                    if line.isEmpty, !skippingLongLine {
                        // The whole line lies in this chunk: no copy.
                        body(UnsafeBufferPointer(rebasing: buffer[start..<newline]))
                    } else {
                        append(buffer[start..<newline])
                        finishLine()
                    }
                    start = newline + 1
                }
            }
        }
        if !line.isEmpty || skippingLongLine { finishLine() }
    }

    private static func tooLarge(_ path: String, limit: Int) -> CommandFailure {
        let name = path == "-" ? "standard input" : path
        return CommandFailure.badInput("\(name) is larger than \(describe(limit)), the most vigil reads as one feed or text")
    }

    private static func open(_ path: String) throws -> Int32 {
        if path == "-" { return STDIN_FILENO }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandFailure.badInput("no such file: \(path)")
        }
        if isDirectory.boolValue { throw CommandFailure.badInput("\(path) is a directory") }
        let descriptor = Foundation.open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw CommandFailure.badInput("cannot read \(path): \(String(cString: strerror(errno)))")
        }
        return descriptor
    }

    private static func readChunk(_ descriptor: Int32, into buffer: inout [UInt8], path: String) throws -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count >= 0 { return count }
            if errno == EINTR { continue }
            let name = path == "-" ? "standard input" : path
            throw CommandFailure.badInput("cannot read \(name): \(String(cString: strerror(errno)))")
        }
    }
}
