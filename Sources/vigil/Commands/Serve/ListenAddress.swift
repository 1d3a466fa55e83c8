/// Where `vigil serve` listens: `HOST:PORT`, with an IPv6 host in brackets
/// (`[::1]:8080`). Port 0 lets the system choose one.
struct ListenAddress: Equatable {
    var host: String
    var port: Int

    init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `text`, or throws a bad-input failure that says what was expected.
    init(parsing text: String) throws {
        let failure = CommandFailure.badInput("--listen wants HOST:PORT, such as 127.0.0.1:8080 or [::1]:8080, not '\(text)'")
        guard let colon = text.lastIndex(of: ":") else { throw failure }
        var host = String(text[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") {
            host = String(host.dropFirst().dropLast())
        } else if host.contains(":") {
            throw failure
        }
        guard !host.isEmpty, let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else { throw failure }
        self.host = host
        self.port = port
    }

    /// The address as a browser is given it.
    func url(port actualPort: Int) -> String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "http://\(shownHost):\(actualPort)/"
    }

    /// Whether only this machine can reach the address.
    var isLoopback: Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "::1"
    }
}
