/// What a model predicts. Each task has its own shipped model file.
public enum ScoringTask: String, Codable, Sendable, CaseIterable {
    /// Hostile, insulting, toxic, harassing or offensive text (1) or not (0).
    case hostility
    /// Text written by an LLM or autonomous agent (1) or by a person (0).
    case agent
}
