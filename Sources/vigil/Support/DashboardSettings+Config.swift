import VigilDaemon
import VigilStore
import VigilWeb

extension DashboardSettings {
    /// The dashboard's settings from `config` (defaults without one), with
    /// the source prior explained as `vigil findings show` explains it.
    init(config: VigilConfig?, store: Store) {
        self.init(
            trustedProxies: config?.webTrustedProxies ?? [], feedIntervalSeconds: config?.poll.intervalSeconds ?? PollSettings().intervalSeconds,
            explainSourcePrior: { detail in Vigil.Findings.Show.sourcePriorExplanation(for: detail, store: store) })
    }
}
