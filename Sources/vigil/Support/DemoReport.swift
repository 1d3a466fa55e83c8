import VigilDaemon
import VigilStore

/// The demo's closing sections: the alerts queued in the outbox and the digest.
enum DemoReport {
    static func printAlerts(store: Store) throws {
        Output.line("== alerts that would go out")
        Output.line("   alert delivery is not built yet in this version of vigil")
    }

    static func printDigest(store: Store, config: VigilConfig) throws {
        Output.line("== digest")
        Output.line("   the digest is not built yet in this version of vigil")
    }
}
