import Logging
import Synchronization
import Testing
@testable import VigilDaemon

/// Every part of a log line that can carry a URL is redacted before the
/// handler that writes it sees the line.
@Suite struct RedactingLogHandlerTests {
    final class Recorder: @unchecked Sendable {
        let events = Mutex<[LogEvent]>([])
    }

    struct RecordingHandler: LogHandler {
        let recorder: Recorder
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            recorder.events.withLock { $0.append(event) }
        }
    }

    struct FetchProblem: Error, CustomStringConvertible {
        var description: String { "could not connect: http://u:p@h/f?token=E1" }
    }

    @Test func messageMetadataAndErrorsAreRedacted() throws {
        let recorder = Recorder()
        var logger = Logger(label: "test") { _ in RedactingLogHandler(wrapping: RecordingHandler(recorder: recorder)) }
        logger[metadataKey: "feed"] = "https://example.org/f?api_key=H1"
        logger.warning("moved to https://example.org/new?token=M1", error: FetchProblem(), metadata: [
            "nested": ["urls": ["http://a:b@example.org/x", "plain"], "why": "sig"],
            "count": .stringConvertible(3),
        ])
        let event = try #require(recorder.events.withLock { $0.first })
        #expect(event.message.description == "moved to https://example.org/new?token=***")
        #expect(event.error == nil)
        let metadata = try #require(event.metadata)
        #expect(metadata["feed"]?.description == "https://example.org/f?api_key=***")
        #expect(metadata["error"]?.description == "could not connect: http://***@h/f?token=***")
        #expect(metadata["count"]?.description == "3")
        guard case .dictionary(let nested)? = metadata["nested"], case .array(let urls)? = nested["urls"] else {
            Issue.record("nested metadata lost its shape: \(metadata)")
            return
        }
        #expect(urls.map(\.description) == ["http://***@example.org/x", "plain"])
        #expect(nested["why"]?.description == "sig")
    }
}
