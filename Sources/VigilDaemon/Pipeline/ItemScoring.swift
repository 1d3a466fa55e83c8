import VigilText

/// The scoring step of the pipeline: text and its mentions in, an assessment
/// out. The daemon uses the trained models of VigilScoring through it.
public protocol ItemScoring: Sendable {
    func assess(text: String, sentences: [Sentence], mentions: [Mention], people: [WatchedPerson]) -> ItemAssessment
}
