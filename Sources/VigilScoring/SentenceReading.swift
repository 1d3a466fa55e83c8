/// What reading one sentence gives, before any model turns it into a probability:
/// the block sums of its n-gram occurrences against a slot table, the statistics
/// behind the stylometric features, and where its word slots sit in the
/// workspace's list of the text's words (to count distinct words over a sum).
struct SentenceReading {
    var sums = BlockSums()
    var statistics = TextStatistics()
    var words: Range<Int> = 0..<0
}
