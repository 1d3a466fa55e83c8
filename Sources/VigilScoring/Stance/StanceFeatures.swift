import Foundation

/// The signals the stance model reads for one person in one text: how hostile the
/// author's own words about them are, against how much of what is said about them
/// is quoted or reported, and whether the text reads as a report, a defence, a
/// victim's account or a campaign log. Every value is a logit, a share or a small
/// count, so the model stays a handful of weights that can be read and explained.
public struct StanceFeatures: Sendable, Equatable {
    public static let names: [String] = [
        "author_voice_attack", "author_hostility", "targeted_hostility", "document_hostility", "reported_hostility",
        "quoted_share", "reported_share", "document_quoted_share",
        "condemnation_share", "defense_share", "controversy_share", "news_share", "third_party_share",
        "first_person_share", "campaign_share", "campaign_about_person", "reputation_about_person",
        "victim_share", "question_share", "accusation_about_person", "insult_about_person",
        "accusation_share", "insult_share",
        "attributed_share", "log_sentences",
    ]
    public static var count: Int { names.count }

    public var values: [Double]

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
