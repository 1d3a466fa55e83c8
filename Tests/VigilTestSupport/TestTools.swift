import Foundation

/// The optional tools some tests need beyond the README's prerequisites
/// (Swift, python3, the libcurl and SQLite headers): a test that needs one
/// is enabled only when it is there, and says what to install when it is not.
public enum TestTools {
    /// The full path of `name` on PATH, when it is an executable there.
    public static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") where !folder.isEmpty {
            let candidate = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// Whether the `python3` on PATH can import `module` (a package of
    /// Tests/requirements.txt, such as aiosmtpd).
    public static func pythonHasModule(_ module: String) -> Bool {
        guard executable("python3") != nil else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationReason == .exit && process.terminationStatus == 0
    }

    /// The `openssl` command, which makes the self-signed certificates of the TLS tests.
    public static let hasOpenSSL = executable("openssl") != nil

    /// aiosmtpd (PyPI, Tests/requirements.txt) and openssl: the SMTP receiver of the e-mail tests.
    public static let hasSMTPReceiver = hasOpenSSL && pythonHasModule("aiosmtpd")
}
