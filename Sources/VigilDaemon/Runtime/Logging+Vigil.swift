import Logging

/// Sets up swift-log once for the process, in the configured format, with
/// every URL in a log line redacted.
public enum VigilLogging {
    public static func bootstrap(format: LogSettings.Format, level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler = RedactingLogHandler(wrapping: makeHandler(format: format, label: label))
            handler.logLevel = level
            return handler
        }
    }

    static func makeHandler(format: LogSettings.Format, label: String) -> any LogHandler {
        switch format {
        case .json: JSONLogHandler(label: label)
        case .text: StreamLogHandler.standardError(label: label)
        }
    }
}
