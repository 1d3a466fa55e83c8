import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Files that only their owner may read: the database (which holds feed
/// credentials and who is being attacked) and the config (which may hold
/// channel secrets). They are created with mode 0600 whatever the umask, so
/// there is no moment at which another user could open them.
public enum PrivateFile {
    /// The mode vigil gives the files it creates.
    public static let mode: mode_t = 0o600

    /// Creates an empty file with mode 0600 unless one exists; an existing
    /// file keeps its mode (`vigil doctor` warns when it is wider).
    /// Returns whether the file was created.
    @discardableResult
    public static func createIfAbsent(at path: String) throws -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw StoreError("cannot create \(path): \(String(cString: strerror(errno)))", isBadInput: false)
        }
        defer { close(descriptor) }
        // open() applies the umask, which can only narrow 0600; fchmod states the mode outright.
        _ = fchmod(descriptor, mode)
        return true
    }

    /// Writes a new file with mode 0600 and these contents; fails when the file exists.
    public static func create(at path: String, contents: Data) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw StoreError("cannot create \(path): \(String(cString: strerror(errno)))", isBadInput: errno == EEXIST)
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        _ = fchmod(descriptor, mode)
        do {
            try handle.write(contentsOf: contents)
            try handle.synchronize()
        } catch {
            throw StoreError("cannot write \(path): \(error.localizedDescription)", isBadInput: false)
        }
    }

    /// The permission bits of the file at `path`, or nil when it does not exist.
    public static func permissions(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }
}
