import Logging
import VigilText

/// Wraps the log handler vigil writes with and redacts every URL in a log
/// line before it leaves (`URLRedaction`): the message, each metadata value
/// (handler, provider and call-site metadata alike) and an attached error's
/// text. Logs are shipped to aggregators and pasted into tickets, so one
/// place that cannot be forgotten beats care at every call site.
public struct RedactingLogHandler: LogHandler {
    private var inner: any LogHandler
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?

    public init(wrapping inner: any LogHandler) {
        self.inner = inner
        // The provider's metadata is merged (and redacted) here, not by the inner handler.
        if let provider = inner.metadataProvider {
            metadataProvider = provider
            self.inner.metadataProvider = nil
        }
    }

    public var logLevel: Logger.Level {
        get { inner.logLevel }
        set { inner.logLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var event = event
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { $1 } }
        if let own = event.metadata { merged.merge(own) { $1 } }
        if let error = event.error {
            if merged["error"] == nil { merged["error"] = .string("\(error)") }
            event.error = nil
        }
        event.metadata = merged.mapValues(Self.redacted)
        event.message = "\(URLRedaction.redactingURLs(in: event.message.description))"
        inner.log(event: event)
    }

    static func redacted(_ value: Logger.Metadata.Value) -> Logger.Metadata.Value {
        switch value {
        case .string(let text): .string(URLRedaction.redactingURLs(in: text))
        case .stringConvertible(let convertible): .string(URLRedaction.redactingURLs(in: convertible.description))
        case .dictionary(let dictionary): .dictionary(dictionary.mapValues(redacted))
        case .array(let values): .array(values.map(redacted))
        }
    }
}
