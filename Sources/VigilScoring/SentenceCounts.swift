/// The features of one sentence before any model weighs them: its hashed word and
/// character n-gram counts and the statistics behind the stylometric features.
struct SentenceCounts {
    var words = SentenceSlots()
    var characters = SentenceSlots()
    var statistics = TextStatistics()

    mutating func clear() {
        words.clear()
        characters.clear()
        statistics = TextStatistics()
    }
}
