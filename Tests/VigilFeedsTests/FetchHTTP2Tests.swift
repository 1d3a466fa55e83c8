import Foundation
import Testing
import VigilTestSupport
@testable import VigilFeeds

/// HTTP/2 needs a server that speaks it, which Python's standard library does not:
/// this runs against nginx (Debian's nginx or nginx-light) over TLS on loopback
/// when it is installed, and is skipped, saying so, when it is not.
@Suite(.serialized)
struct FetchHTTP2Tests {
    static let nginxPath = ["/usr/sbin/nginx", "/usr/bin/nginx"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: nginxPath != nil, "nginx is not installed (apt-get install nginx-light)"),
          .enabled(if: TestTools.hasOpenSSL, "the openssl command is not installed (apt-get install openssl)"))
    func negotiatesHTTP2OverTLSAndDecompresses() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-h2-\(UUID().uuidString)")
        let root = directory.appendingPathComponent("root")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("tmp"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let feed = String(repeating: FetchEngineTests.feedXML, count: 50)
        try Data(feed.utf8).write(to: root.appendingPathComponent("feed.xml"))
        let tls = try FetchEngineTests.selfSignedCertificate()
        defer { try? FileManager.default.removeItem(atPath: (tls.certificate as NSString).deletingLastPathComponent) }
        let port = try FetchEngineTests.closedPort()
        let temp = directory.appendingPathComponent("tmp").path
        let config = """
            worker_processes 1; daemon off; error_log \(directory.path)/error.log; pid \(directory.path)/nginx.pid;
            events {}
            http {
              access_log off; client_body_temp_path \(temp); proxy_temp_path \(temp); fastcgi_temp_path \(temp);
              uwsgi_temp_path \(temp); scgi_temp_path \(temp);
              types { application/rss+xml xml; }
              gzip on; gzip_types application/rss+xml;
              server {
                listen 127.0.0.1:\(port) ssl http2;
                ssl_certificate \(tls.certificate); ssl_certificate_key \(tls.key);
                root \(root.path);
              }
            }
            """
        let configFile = directory.appendingPathComponent("nginx.conf")
        try Data(config.utf8).write(to: configFile)
        let nginx = Process()
        nginx.executableURL = URL(fileURLWithPath: try #require(Self.nginxPath))
        nginx.arguments = ["-c", configFile.path, "-p", directory.path]
        nginx.standardError = FileHandle.nullDevice
        try nginx.run()
        defer {
            nginx.terminate()
            nginx.waitUntilExit()
        }

        let fetcher = try FeedFetcher(configuration: FetchEngineTests.configuration(trusted: tls.certificate))
        var result = await fetcher.fetch("https://localhost:\(port)/feed.xml")
        for _ in 0..<50 where result.failure?.kind == .connectionRefused {
            try await Task.sleep(for: .milliseconds(100))
            result = await fetcher.fetch("https://localhost:\(port)/feed.xml")
        }
        #expect(result.httpVersion == "2")
        #expect(result.status == 200)
        #expect(result.headers["Content-Encoding"] == "gzip")
        #expect(result.body == Array(feed.utf8))
        let etag = try #require(result.etag)
        let again = await fetcher.fetch(FetchRequest(url: "https://localhost:\(port)/feed.xml", etag: etag))
        #expect(again.outcome == .notModified)
    }
}
