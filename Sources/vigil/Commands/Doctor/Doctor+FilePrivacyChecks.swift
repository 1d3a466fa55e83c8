import Foundation
import VigilAlerts
import VigilStore

extension Vigil.Doctor {
    /// The part of `vigil doctor` that looks at who may read vigil's files. The
    /// database holds private feeds' credentials and who is being attacked; the
    /// config may hold channel secrets. vigil creates both with mode 0600, but a
    /// copy, a restore or an older vigil may have left them wider.
    enum FilePrivacyChecks {
        /// A warning for each of the database's files (with its -wal and -shm) that
        /// its group or other users can read, or one ok line.
        static func database(_ path: String) -> [CheckResult] {
            let warnings = [path, path + "-wal", path + "-shm"].compactMap { warning(for: $0, subject: "permissions") }
            return warnings.isEmpty ? [CheckResult(.ok, "permissions", "\(path) is private to its owner")] : warnings
        }

        /// A warning when the config file is readable by its group or other users.
        static func config(_ path: String) -> [CheckResult] {
            [warning(for: path, subject: "permissions") ?? CheckResult(.ok, "permissions", "\(path) is private to its owner")]
        }

        static func warning(for path: String, subject: String) -> CheckResult? {
            guard let mode = PrivateFile.permissions(of: path), mode & 0o044 != 0 else { return nil }
            let readers = mode & 0o040 != 0 && mode & 0o004 != 0 ? "its group and other users"
                : mode & 0o040 != 0 ? "its group" : "other users"
            return CheckResult(.warning, subject,
                "\(path) is readable by \(readers) (mode \(String(mode, radix: 8))); run `chmod 600 \(path)`")
        }
    }
}
