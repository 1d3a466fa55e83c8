import Logging

/// Sets up swift-log once for the process, in the configured format.
public enum VigilLogging {
    public static func bootstrap(format: LogSettings.Format, level: Logger.Level) {
        LoggingSystem.bootstrap { label in
            var handler: any LogHandler
            switch format {
            case .json: handler = JSONLogHandler(label: label)
            case .text: handler = StreamLogHandler.standardError(label: label)
            }
            handler.logLevel = level
            return handler
        }
    }
}
