import Foundation

/// HTTP requests to the tests' own loopback servers through Python's standard
/// library, so that the code under test is not involved and no tool beyond
/// the README's prerequisites (python3) is needed. No proxy, no certificate
/// checks (the servers' certificates are made for the test); the body comes
/// back whatever the status, as `curl -sS` would print it.
public enum PlainHTTPClient {
    static let script = """
        import ssl, sys, urllib.error, urllib.request
        url = sys.argv[1]
        body = open(sys.argv[2], "rb").read() if len(sys.argv) > 2 else None
        headers = {"Content-Type": "application/json"} if body is not None else {}
        request = urllib.request.Request(url, data=body, headers=headers, method="POST" if body is not None else "GET")
        opener = urllib.request.build_opener(
            urllib.request.ProxyHandler({}), urllib.request.HTTPSHandler(context=ssl._create_unverified_context()))
        try:
            answer = opener.open(request, timeout=60).read()
        except urllib.error.HTTPError as error:
            answer = error.read()
        sys.stdout.buffer.write(answer)
        """

    /// The body of a GET, or of a POST of `post` as JSON.
    public static func fetch(_ url: String, post: Data? = nil) throws -> Data {
        var arguments = ["python3", "-c", script, url]
        var bodyFile: URL?
        if let post {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-request-\(UUID().uuidString).json")
            try post.write(to: file)
            bodyFile = file
            arguments.append(file.path)
        }
        defer { if let bodyFile { try? FileManager.default.removeItem(at: bodyFile) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return data
    }
}
