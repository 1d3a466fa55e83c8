import Foundation
import Testing
@testable import VigilDigest

/// Renders the HTML digest in headless Chromium and checks the screenshot
/// shows a page, not a blank: the self-contained file must stand on its own
/// in a real browser engine. Skips when Chromium (Debian package `chromium`)
/// or python3 (which reads the PNG) is not installed.
@Suite(.serialized) struct DigestChromiumTests {
    static let chromium: String? = {
        let candidates = [ProcessInfo.processInfo.environment["VIGIL_CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        return candidates.compactMap { $0 }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static let python: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let available = chromium != nil && python != nil

    /// What the screenshot holds, as measured by `pngStatsScript`.
    struct Stats: Decodable {
        let width: Int
        let height: Int
        /// Share of pixels that differ from the most common colour.
        let notBackground: Double
        /// Pixels of the strong reds the chart and severity badges use.
        let red: Int
        let colors: Int

        enum CodingKeys: String, CodingKey {
            case width, height, red, colors
            case notBackground = "not_background"
        }
    }

    @Test(.enabled(if: available, "chromium or python3 is not installed (Debian packages `chromium`, `python3`); skipping the HTML screenshot check"))
    func theHTMLDigestRendersInChromium() throws {
        let (digest, _) = try DigestGoldenTests.realisticDigest()
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("digest.html")
        try Data(try DigestFormat.html.render(digest).utf8).write(to: page)
        let shot = try Self.screenshot(page, in: folder)
        let stats = try Self.measure(shot, in: folder)
        #expect(stats.width == 760)
        #expect(stats.notBackground > 0.15, "the page looks blank: \(stats.notBackground)")
        #expect(stats.red > 500, "no chart bars or severity badges: \(stats.red) red pixels")
        #expect(stats.colors > 50)
        if let target = ProcessInfo.processInfo.environment["VIGIL_WRITE_DIGEST_SCREENSHOT"] {
            let destination = URL(fileURLWithPath: target, relativeTo: CLIPackage.root)
            try? FileManager.default.removeItem(at: destination)
            try FileManager.default.copyItem(at: shot, to: destination)
        }
    }

    @Test(.enabled(if: available, "chromium or python3 is not installed (Debian packages `chromium`, `python3`); skipping the HTML screenshot check"))
    func aBlankPageIsSeenAsBlank() throws {
        let folder = try Self.scratchFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("blank.html")
        try Data("<!DOCTYPE html><html><body style=\"background:#f1f5f9\"></body></html>".utf8).write(to: page)
        let stats = try Self.measure(try Self.screenshot(page, in: folder), in: folder)
        #expect(stats.notBackground < 0.001)
        #expect(stats.red == 0)
    }

    static func scratchFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vigil-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    /// A 760-pixel-wide screenshot of `page`, taken with networking off so a
    /// page that needed the network would show it.
    static func screenshot(_ page: URL, in folder: URL) throws -> URL {
        let shot = folder.appendingPathComponent("shot.png")
        let status = try run(chromium!, [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            "--window-size=760,2100", "--screenshot=\(shot.path)", page.absoluteString,
        ], timeout: 120)
        guard status == 0, FileManager.default.fileExists(atPath: shot.path) else {
            throw DigestError("chromium exited with \(status) and no screenshot", isBadInput: false)
        }
        return shot
    }

    static func measure(_ png: URL, in folder: URL) throws -> Stats {
        let script = folder.appendingPathComponent("png_stats.py")
        try Data(pngStatsScript.utf8).write(to: script)
        let output = folder.appendingPathComponent("stats.json")
        let status = try run(python!, [script.path, png.path, output.path], timeout: 60)
        guard status == 0 else { throw DigestError("png_stats.py exited with \(status)", isBadInput: false) }
        return try JSONDecoder().decode(Stats.self, from: Data(contentsOf: output))
    }

    /// Runs a program, killing it if it outlives `timeout` seconds.
    static func run(_ executable: String, _ arguments: [String], timeout: TimeInterval) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                return -1
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return process.terminationStatus
    }

    /// Decodes an 8-bit RGB or RGBA PNG with the standard library and writes
    /// its size, the share of pixels unlike the dominant colour, the count
    /// of strong red pixels and of distinct colours.
    static let pngStatsScript = #"""
    import json, struct, sys, zlib
    from collections import Counter

    data = open(sys.argv[1], "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, color = struct.unpack(">IIBB", body[:10])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    assert depth == 8 and color in (2, 6), "unsupported PNG"
    channels = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    counts = Counter()
    red = 0
    offset = 0
    for _ in range(height):
        kind = raw[offset]
        line = bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upleft = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + ((left + up) >> 1)) & 255
            elif kind == 4:
                p = left + up - upleft
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
                predictor = left if pa <= pb and pa <= pc else (up if pb <= pc else upleft)
                line[i] = (line[i] + predictor) & 255
        for x in range(0, stride, channels):
            r, g, b = line[x], line[x + 1], line[x + 2]
            counts[(r, g, b)] += 1
            if r > 150 and g < 80 and b < 80:
                red += 1
        previous = line
    total = width * height
    dominant = counts.most_common(1)[0][1]
    json.dump({"width": width, "height": height, "not_background": (total - dominant) / total,
               "red": red, "colors": len(counts)}, open(sys.argv[2], "w"))
    """#
}

/// The package root, for writing the README's screenshot on request.
enum CLIPackage {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
