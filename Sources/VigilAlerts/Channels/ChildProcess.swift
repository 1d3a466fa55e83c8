import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a command with bytes on its stdin and a deadline. The child gets its
/// own process group, so on timeout the whole group (a shell and whatever it
/// started) is sent SIGTERM, then SIGKILL after a grace period.
enum ChildProcess {
    struct Outcome {
        var exitStatus: Int32?
        var signal: Int32?
        var timedOut: Bool
        var stderr: String
    }

    static let gracePeriod: TimeInterval = 2

    static func run(_ command: [String], input: [UInt8], environment: [String: String], timeoutSeconds: Int, flag: CancellationFlag) throws -> Outcome {
        guard let name = command.first, !name.isEmpty else { throw DeliveryError.permanent("exec: empty command") }
        guard let executable = resolve(name, path: environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") else {
            throw DeliveryError.permanent("exec: command not found: \(name)")
        }
        // A reader that exits early must not kill the daemon with SIGPIPE;
        // the write then fails with EPIPE instead.
        signal(SIGPIPE, SIG_IGN)

        var stdinPipe: [Int32] = [0, 0]
        var stderrPipe: [Int32] = [0, 0]
        guard pipe(&stdinPipe) == 0 else { throw DeliveryError.transient("exec: cannot create a pipe") }
        guard pipe(&stderrPipe) == 0 else {
            close(stdinPipe[0]); close(stdinPipe[1])
            throw DeliveryError.transient("exec: cannot create a pipe")
        }
        // Other children started meanwhile must not inherit these ends.
        for descriptor in stdinPipe + stderrPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdinPipe[0], 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stderrPipe[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(stdinPipe[0])
        close(stderrPipe[1])
        guard spawned == 0 else {
            close(stdinPipe[1]); close(stderrPipe[0])
            throw DeliveryError.permanent("exec: cannot start \(name): \(String(cString: strerror(spawned)))")
        }

        let writer = stdinPipe[1], reader = stderrPipe[0]
        _ = fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK)
        _ = fcntl(reader, F_SETFL, fcntl(reader, F_GETFL) | O_NONBLOCK)
        var written = 0
        var writerOpen = true
        var errorOutput: [UInt8] = []
        let deadline = Date().addingTimeInterval(TimeInterval(max(timeoutSeconds, 1)))
        var killDeadline: Date?
        var timedOut = false
        var status: Int32 = 0

        func drain() {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(reader, $0.baseAddress, $0.count) }
                guard count > 0 else { return }
                if errorOutput.count < 16_384 { errorOutput.append(contentsOf: buffer.prefix(count)) }
            }
        }

        while true {
            if writerOpen {
                if written < input.count {
                    let count = input.withUnsafeBytes { write(writer, $0.baseAddress! + written, $0.count - written) }
                    if count > 0 { written += count } else if count < 0, errno != EAGAIN, errno != EINTR { close(writer); writerOpen = false }
                }
                if writerOpen, written >= input.count { close(writer); writerOpen = false }
            }
            drain()
            let waited = waitpid(pid, &status, WNOHANG)
            if waited == pid { break }
            let now = Date()
            if killDeadline == nil, now >= deadline || flag.isCancelled {
                timedOut = !flag.isCancelled
                kill(-pid, SIGTERM)
                killDeadline = now.addingTimeInterval(gracePeriod)
            } else if let killDeadline, now >= killDeadline {
                kill(-pid, SIGKILL)
            }
            usleep(10_000)
        }
        // Anything the group left behind goes too.
        if killDeadline != nil { kill(-pid, SIGKILL) }
        if writerOpen { close(writer) }
        drain()
        close(reader)

        let exited = status & 0x7f == 0
        return Outcome(
            exitStatus: exited ? (status >> 8) & 0xff : nil, signal: exited ? nil : status & 0x7f,
            timedOut: timedOut, stderr: String(decoding: errorOutput, as: UTF8.self))
    }

    /// The executable for `name`: as given when it holds a slash, else the first match on PATH.
    static func resolve(_ name: String, path: String) -> String? {
        if name.contains("/") { return access(name, X_OK) == 0 ? name : nil }
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
