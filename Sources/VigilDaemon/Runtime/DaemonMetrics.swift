import Foundation
import Prometheus

/// What the daemon reports to Prometheus: running totals from each poll
/// cycle and the state of the last one. Served on loopback only, at
/// `/metrics`, when the config's `[metrics] listen` names an address.
public final class DaemonMetrics: Sendable {
    private let registry = PrometheusCollectorRegistry()
    private let cycles: Counter
    private let feedsPolled: Counter
    private let feedsFailed: Counter
    private let itemsNew: Counter
    private let findingsNew: Counter
    private let findingsUpdated: Counter
    private let alertsQueued: Counter
    private let lastCycleSeconds: Gauge
    private let lastCycleFinished: Gauge

    public init() {
        func name(_ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(namespace: "vigil", metricName: metric, unitName: unit, helpText: help)
        }
        cycles = registry.makeCounter(descriptor: name("cycles", "total", "Poll cycles finished."))
        feedsPolled = registry.makeCounter(descriptor: name("feeds_polled", "total", "Feeds polled."))
        feedsFailed = registry.makeCounter(descriptor: name("feed_failures", "total", "Feed polls that failed."))
        itemsNew = registry.makeCounter(descriptor: name("items_new", "total", "Entries seen for the first time."))
        findingsNew = registry.makeCounter(descriptor: name("findings_new", "total", "Findings created."))
        findingsUpdated = registry.makeCounter(descriptor: name("findings_updated", "total", "Findings updated after an edit."))
        alertsQueued = registry.makeCounter(descriptor: name("alerts_queued", "total", "Alerts queued in the outbox."))
        lastCycleSeconds = registry.makeGauge(descriptor: name("last_cycle_duration", "seconds", "Wall time of the last poll cycle."))
        lastCycleFinished = registry.makeGauge(descriptor: name("last_cycle_finished_timestamp", "seconds", "When the last poll cycle finished (Unix time)."))
    }

    /// Adds one cycle's totals.
    public func record(_ report: CycleReport) {
        cycles.increment()
        feedsPolled.increment(by: Int64(report.feedsPolled))
        feedsFailed.increment(by: Int64(report.feedsFailed))
        itemsNew.increment(by: Int64(report.summary.itemsNew))
        findingsNew.increment(by: Int64(report.summary.findingsNew))
        findingsUpdated.increment(by: Int64(report.summary.findingsUpdated))
        alertsQueued.increment(by: Int64(report.summary.alertsQueued))
        lastCycleSeconds.set(report.duration)
        lastCycleFinished.set(report.finishedAt.timeIntervalSince1970)
    }

    /// The Prometheus text exposition of every metric.
    public func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }

    /// Serves `/metrics` on `listen` ("127.0.0.1:9464"), loopback only.
    public func serve(listen: String) throws -> LoopbackHTTPServer {
        let parts = listen.split(separator: ":")
        guard parts.count == 2, let port = UInt16(parts[1]) else {
            throw DaemonError("[metrics] listen must be HOST:PORT on loopback, e.g. 127.0.0.1:9464, not '\(listen)'")
        }
        return try LoopbackHTTPServer(host: String(parts[0]), port: port) { [self] path in
            path == "/metrics" ? .init(contentType: "text/plain; version=0.0.4; charset=utf-8", body: exposition()) : nil
        }
    }
}
