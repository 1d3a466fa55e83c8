/// Buffers a ``TextScorer`` reuses between texts; one per concurrent task.
public final class ScoringWorkspace {
    let hostility: FeatureWorkspace
    /// The agent model's buffers, or nil when both models count the same features
    /// (the text is then read once for both, against a table of both models).
    let agent: FeatureWorkspace?

    init(hostility: FeatureWorkspace, agent: FeatureWorkspace?) {
        self.hostility = hostility
        self.agent = agent
    }
}
