/// The buffers reading a sentence writes, held together so that a workspace hands
/// them out once per sentence (one exclusivity check, not one per buffer access).
struct SentenceBuffers {
    /// The normalised scalars of the sentence being read.
    var normalized: [UInt32] = []
    /// The hashed slots of the sentence's word and character n-gram occurrences.
    var wordNgrams: [UInt32] = []
    var characterNgrams: [UInt32] = []
    /// The word (unigram) slots of the text read so far, sentence after sentence.
    var wordSlots: [UInt32] = []
    /// Scratch set for counting a sentence's distinct words.
    var sentenceWords: SeenWords

    init(hashSize: Int) {
        sentenceWords = SeenWords(size: hashSize)
    }

    /// The number of distinct words among the word slots in `range`.
    mutating func distinctWords(in range: Range<Int>) -> Int {
        let distinct = sentenceWords.insert(wordSlots[range])
        sentenceWords.remove(wordSlots[range])
        return distinct
    }

    /// Makes `buffer` `count` long without caring what it holds, keeping its storage.
    static func resize(_ buffer: inout [UInt32], to count: Int) {
        if buffer.count > count {
            buffer.removeLast(buffer.count - count)
        } else if buffer.count < count {
            buffer.append(contentsOf: repeatElement(0, count: count - buffer.count))
        }
    }
}
