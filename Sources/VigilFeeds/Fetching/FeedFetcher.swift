import VigilHTTP

/// Fetches feeds politely and concurrently: every fetch of one fetcher runs on
/// the single thread of an `HTTPEngine`, so hundreds of feeds in flight cost
/// one thread, shared connections and shared DNS answers.
///
/// Call `fetch` from as many tasks as you like; the engine queues what the
/// limits do not allow yet (total, per host, the gap between requests to a
/// host, a host's Retry-After pause). Cancelling a task cancels its fetch.
/// Dropping the fetcher cancels whatever is left and frees every handle.
public final class FeedFetcher: Sendable {
    public var configuration: FetchConfiguration { shared.value }
    private let shared: FetchConfiguration.Shared
    private let engine: HTTPEngine

    public init(configuration: FetchConfiguration) throws(FetchFailure) {
        shared = FetchConfiguration.Shared(configuration)
        do {
            engine = try HTTPEngine(configuration: configuration.engineConfiguration)
        } catch {
            throw FetchFailure(.transport(error.code), error.description)
        }
        do {
            try engine.start()
        } catch {
            throw FetchFailure(.transport(0), "could not start the fetch thread (error \(error.code))")
        }
    }

    deinit {
        engine.stop()
    }

    /// Fetches one feed. Never throws: every way a fetch can end is in the result.
    public func fetch(_ request: FetchRequest) async -> FetchResult {
        let id = engine.makeJobID()
        let engine = self.engine
        let shared = self.shared
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                engine.submit(FetchJob(id: id, request: request, configuration: shared, continuation: continuation))
            }
        } onCancel: {
            engine.cancel(jobID: id)
        }
    }

    /// Fetches one URL with no stored validators.
    public func fetch(_ url: String) async -> FetchResult {
        await fetch(FetchRequest(url: url))
    }

    /// Easy handles alive at this moment; zero whenever nothing is in flight.
    public var liveTransferHandles: Int {
        engine.liveTransferHandles
    }
}
