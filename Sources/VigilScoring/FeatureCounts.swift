/// The summed features of sentences before any model weighs them: hashed word and
/// character n-gram counts and the statistics behind the stylometric features.
/// A document or a passage is the sum of its sentences' `SentenceCounts`.
struct FeatureCounts {
    var words: SlotCounts
    var characters: SlotCounts
    var statistics = TextStatistics()

    init(size: Int) {
        words = SlotCounts(size: size)
        characters = SlotCounts(size: size)
    }

    mutating func clear() {
        words.clear()
        characters.clear()
        statistics = TextStatistics()
    }

    /// Adds the sentence that follows: its counts, and its statistics, with the
    /// distinct words counted over the sum.
    mutating func add(_ sentence: SentenceCounts) {
        var statistics = sentence.statistics
        statistics.distinctWords = words.add(sentence.words)
        characters.add(sentence.characters)
        add(statistics: statistics)
    }

    /// Adds a sentence's statistics whose `distinctWords` is already the number of
    /// its words new to the sum.
    mutating func add(statistics next: TextStatistics) {
        let distinct = statistics.distinctWords + next.distinctWords
        statistics.add(next)
        statistics.distinctWords = distinct
    }
}
