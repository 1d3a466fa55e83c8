/// The dense features computed next to the hashed n-grams. Their order is part of
/// the model file format: append new ones at the end and bump the format version.
public enum StylometricFeatures {
    public static let names: [String] = [
        "log_scalars", "log_words", "sentence_length_mean", "sentence_length_sd",
        "punctuation_rate", "em_dash_rate", "exclamation_rate", "question_share",
        "rhetorical_question_share", "heading_line_share", "list_line_share", "code_rate",
        "second_person_rate", "first_person_rate", "third_person_rate", "capitals_ratio",
        "all_caps_word_share", "insult_rate", "profanity_rate", "intensifier_rate",
        "prejudice_rate", "ego_insecurity_rate", "gatekeeping_rate", "bad_faith_rate",
        "incompetence_rate", "ai_self_reference", "machine_phrase_rate", "not_x_but_y_rate",
        "bold_rate", "log_urls", "digit_rate", "emoji_rate",
        "type_token_ratio", "mean_word_length", "politeness_rate", "accusing_sentence_share",
    ]
    public static var count: Int { names.count }
}
