import Foundation

/// Standard output and standard error, written with `write(2)` rather than
/// `FileHandle.write(_:)`, which stops the process (SIGILL) when a write fails.
///
/// A reader that goes away is normal for a command-line tool
/// (`vigil findings ls --json | head -c1`): when standard output's reader has
/// closed the pipe (EPIPE), vigil stops at once, quietly, with exit status 141
/// (128 + SIGPIPE, the status a shell shows for a command a closed pipe ended),
/// so a script with `set -o pipefail` still sees that the output was cut short.
/// Any other failure to write the output (a full disk behind `>`) is a runtime
/// failure: one line on standard error and exit status 1. A failure to write
/// standard error is ignored: there is nowhere left to report it.
enum StandardStream {
    case output
    case error

    /// The exit status after standard output's reader went away.
    static let closedPipeStatus: Int32 = 141

    func write(_ bytes: some Sequence<UInt8>) {
        let descriptor = descriptor
        let failure = bytes.withContiguousStorageIfAvailable { Self.writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
            ?? Array(bytes).withUnsafeBytes { Self.writeAll($0, to: descriptor) }
        guard let errorNumber = failure else { return }
        guard self == .output else { return }
        if errorNumber == EPIPE { exit(Self.closedPipeStatus) }
        let message = "vigil: cannot write the output: \(String(cString: strerror(errorNumber)))\n"
        _ = Array(message.utf8).withUnsafeBytes { Self.writeAll($0, to: STDERR_FILENO) }
        exit(1)
    }

    private var descriptor: Int32 {
        switch self {
        case .output: STDOUT_FILENO
        case .error: STDERR_FILENO
        }
    }

    /// Writes every byte, retrying interrupted and partial writes; the errno of
    /// a failed write, or nil.
    private static func writeAll(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}
