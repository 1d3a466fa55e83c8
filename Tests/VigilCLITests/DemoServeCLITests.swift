import Foundation
import Testing

/// `vigil demo --serve`: the demo's findings browsable on loopback with a
/// one-time login, stopped by SIGTERM.
@Suite(.serialized) struct DemoServeCLITests {
    /// Signs in with Python's standard library (cookies, the form's token)
    /// and prints each page's status and body, separated by a line of dashes.
    static let signIn = #"""
        import http.cookiejar, re, sys, urllib.error, urllib.parse, urllib.request
        base, name, password = sys.argv[1], sys.argv[2], sys.argv[3]
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        form = opener.open(base + "/login").read().decode()
        token = re.search(r'name="csrf" value="([^"]*)"', form).group(1)
        body = urllib.parse.urlencode({"csrf": token, "name": name, "password": password}).encode()
        try:
            page = opener.open(base + "/login", data=body)
        except urllib.error.HTTPError as refused:
            print(refused.code, "refused")
            sys.exit(0)
        print(page.status, page.url)
        print(page.read().decode())
        for path in sys.argv[4:]:
            print("-----")
            page = opener.open(base + path)
            print(page.status)
            print(page.read().decode())
        """#

    static func python(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", signIn] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func servesTheDemosFindingsWithAOneTimeLogin() throws {
        let cli = try CLI()
        defer { cli.remove() }
        let kept = cli.folder.appendingPathComponent("kept").path
        let port = try cli.freeLoopbackPort()
        let demo = try cli.spawn(
            ["demo", "--keep", kept, "--serve", "--listen", "127.0.0.1:\(port)"], log: "demo.log", output: "demo.out")
        defer { if demo.isRunning { demo.terminate() } }
        try cli.waitForFile("demo.out", containing: "(a one-time login")
        let output = try String(contentsOf: cli.folder.appendingPathComponent("demo.out"), encoding: .utf8)
        #expect(output.contains("HIGH  Julian Marsh"), "the demo's report comes first")
        #expect(output.contains("dashboard listening on http://127.0.0.1:\(port)/"))
        let line = try #require(output.split(separator: "\n").first { $0.hasPrefix("sign in as demo with the password ") })
        let password = String(line.dropFirst("sign in as demo with the password ".count))
        #expect(password.count == 20 && password.allSatisfy { $0.isLetter || $0.isNumber })

        let pages = try Self.python(["http://127.0.0.1:\(port)", "demo", password, "/", "/findings?severity=high"])
            .components(separatedBy: "-----\n")
        #expect(pages.count == 3)
        #expect(pages[0].hasPrefix("200 http://127.0.0.1:\(port)/\n"), "signed in and sent to the overview")
        #expect(pages[0].contains("Julian Marsh") && pages[0].contains("demo (admin)"))
        #expect(pages[2].contains("Gatekeeping in Open Source: The Julian Marsh Story"))

        let wrong = try Self.python(["http://127.0.0.1:\(port)", "demo", "not the password"])
        #expect(wrong == "401 refused\n", "a wrong password is refused")

        let hash = try cli.sqlite("SELECT is_admin || ' ' || password_hash FROM users WHERE name = 'demo'", database: kept + "/vigil.db")
        #expect(hash.hasPrefix("1 $2"), "an admin, stored as a bcrypt hash: \(hash)")
        #expect(!hash.contains(password))

        demo.terminate()
        demo.waitUntilExit()
        #expect(demo.terminationStatus == 0)
    }

    @Test func listenNeedsServeAndALoopbackAddress() throws {
        let cli = try CLI()
        defer { cli.remove() }
        var result = try cli.run(["demo", "--listen", "127.0.0.1:0"])
        #expect(result.status == 2 && result.stderr == "vigil: --listen is for --serve\n")
        result = try cli.run(["demo", "--serve", "--listen", "0.0.0.0:8080"])
        #expect(result.status == 2)
        #expect(result.stderr == "vigil: the demo's dashboard listens on this machine only; give --listen a loopback address such as 127.0.0.1:0\n")
    }
}
