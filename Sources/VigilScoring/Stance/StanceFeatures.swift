import Foundation

/// The signals the stance model reads for one person in one text: how hostile the
/// author's own words about them are, against how much of what is said about them
/// is quoted or reported, and whether the text reads as a report, a defence, a
/// victim's account or a campaign log. Every value is a logit, a share or a small
/// count, so the model stays a handful of weights that can be read and explained.
public struct StanceFeatures: Sendable, Equatable {
    /// Each signal says something about who does what to whom. How much of a text
    /// is quoted, its length and how much of it is about the person are left out on
    /// purpose: they describe a genre's habits (news quotes people, hit pieces quote
    /// their target) rather than a stance, and a model fitted on written examples
    /// learns those habits too well. Quotation counts through what it changes: the
    /// author's hostility is read without it, and hostility in quoted or reported
    /// speech is a signal of its own.
    public static let names: [String] = [
        "author_hostility", "targeted_hostility", "document_hostility", "reported_hostility",
        "condemnation_share", "defense_share", "controversy_share", "news_share", "third_party_share",
        "first_person_share", "campaign_share", "campaign_about_person", "reputation_about_person",
        "victim_share", "question_share", "accusation_about_person", "insult_about_person",
        "accusation_share", "insult_share", "reading_attack", "reading_coverage",
    ]
    public static var count: Int { names.count }

    /// Which way a signal may move the odds of an attack, and of coverage, against a
    /// mere mention. The signs are what the signals mean; fixing them keeps a model
    /// fitted on written examples from reading, say, a very calm release note as an
    /// attack because calm prose was rare among its mentions. `nil` is free.
    public enum Direction: Sendable { case raises, lowers }
    public static let directions: [(attack: Direction?, coverage: Direction?)] = [
        (.raises, nil),      // author_hostility
        (.raises, nil),      // targeted_hostility
        (.raises, nil),      // document_hostility
        (nil, .raises),      // reported_hostility
        (nil, .raises),      // condemnation_share
        (.lowers, nil),      // defense_share
        (nil, .raises),      // controversy_share
        (.lowers, nil),      // news_share
        (nil, .raises),      // third_party_share
        (nil, nil),          // first_person_share
        (.raises, nil),      // campaign_share
        (.raises, nil),      // campaign_about_person
        (.raises, nil),      // reputation_about_person
        (.lowers, .raises),  // victim_share
        (.raises, nil),      // question_share
        (.raises, nil),      // accusation_about_person
        (.raises, nil),      // insult_about_person
        (.raises, nil),      // accusation_share
        (.raises, nil),      // insult_share
        (.raises, nil),      // reading_attack
        (.lowers, .raises),  // reading_coverage
    ]

    public var values: [Double]

    /// Where the passage reading's two signals sit, the last two values.
    static var readingIndices: (attack: Int, coverage: Int) { (count - 2, count - 1) }

    /// The passage reading's signals, set apart from the others because they are
    /// read last, and only where the encoder runs.
    var reading: (attack: Double, coverage: Double) {
        get { (values[Self.readingIndices.attack], values[Self.readingIndices.coverage]) }
        set {
            values[Self.readingIndices.attack] = newValue.attack
            values[Self.readingIndices.coverage] = newValue.coverage
        }
    }

    public init(values: [Double]) {
        precondition(values.count == Self.count)
        self.values = values
    }

    /// A probability as a bounded logit, so one near-certain sentence cannot
    /// dominate the linear model.
    static func logit(_ probability: Double) -> Double {
        let p = min(0.995, max(0.005, probability))
        return log(p / (1 - p))
    }
}
