/// Buffers a ``TextScorer`` reuses between texts; one per concurrent task.
public final class ScoringWorkspace {
    let hostility: FeatureWorkspace
    /// The agent model's buffers, or nil when both models count the same features
    /// (the text is then read once for both).
    let agent: FeatureWorkspace?

    init(hostility: TextModel, agent: TextModel) {
        self.hostility = hostility.makeWorkspace()
        self.agent = hostility.header.features == agent.header.features ? nil : agent.makeWorkspace()
    }
}
