import Foundation

/// What the feature passes count besides n-grams, for one sentence or summed over
/// several; turned into the stylometric feature values by `fill(_:)`. Every field
/// adds up across sentences, so a document's or a passage's statistics are the
/// sum of its sentences' (see `add(_:)`).
struct TextStatistics {
    var scalars = 0, letters = 0, uppercase = 0, digits = 0, punctuation = 0
    var exclamations = 0, backticks = 0, bold = 0, emDashes = 0, emoji = 0, allCapsWords = 0
    var lines = 0, headings = 0, listLines = 0
    var words = 0, distinctWords = 0, wordLengthSum = 0, urls = 0
    var sentences = 0, questions = 0, rhetoricalQuestions = 0, accusingSentences = 0, notXButY = 0
    var sentenceLengthSum = 0.0, sentenceLengthSquares = 0.0
    /// Words per lexicon category, indexed by the category's bit (the counted ones are below 16).
    var categoryCounts = SIMD16<Int32>()
    /// Whether the first sentence with words opens with "it's"/"this is", and whether
    /// the last one opens with a negation: the "It's not X. It's Y." pattern across
    /// the boundary of two summed sentences.
    var opensWithIt = false
    var endsWithNegation = false

    mutating func count(_ categories: LexiconCategory) {
        var bits = categories.rawValue & 0xFFFF
        while bits != 0 {
            categoryCounts[bits.trailingZeroBitCount] &+= 1
            bits &= bits - 1
        }
    }

    /// Adds the statistics of the sentence that follows. Distinct words are counted by
    /// the caller, from the summed word slots.
    mutating func add(_ next: TextStatistics) {
        if next.sentences > 0 {
            if sentences > 0 {
                if endsWithNegation && next.opensWithIt { notXButY += 1 }
            } else {
                opensWithIt = next.opensWithIt
            }
            endsWithNegation = next.endsWithNegation
        }
        scalars += next.scalars; letters += next.letters; uppercase += next.uppercase
        digits += next.digits; punctuation += next.punctuation; exclamations += next.exclamations
        backticks += next.backticks; bold += next.bold; emDashes += next.emDashes; emoji += next.emoji
        allCapsWords += next.allCapsWords; lines += next.lines; headings += next.headings
        listLines += next.listLines; words += next.words; wordLengthSum += next.wordLengthSum
        urls += next.urls; sentences += next.sentences; questions += next.questions
        rhetoricalQuestions += next.rhetoricalQuestions; accusingSentences += next.accusingSentences
        notXButY += next.notXButY; sentenceLengthSum += next.sentenceLengthSum
        sentenceLengthSquares += next.sentenceLengthSquares; categoryCounts &+= next.categoryCounts
    }

    private func rate(_ category: LexiconCategory, per words: Double) -> Double {
        Double(categoryCounts[category.rawValue.trailingZeroBitCount]) / words
    }

    /// Writes the stylometric feature values, in the order of `StylometricFeatures.names`.
    func fill(_ dense: inout [Double]) {
        let wordCount = Double(max(words, 1))
        let sentenceCount = Double(max(sentences, 1))
        let scalarCount = Double(max(scalars, 1))
        let lineCount = Double(max(lines, 1))
        let mean = sentenceLengthSum / sentenceCount
        let variance = max(0, sentenceLengthSquares / sentenceCount - mean * mean)
        dense.withUnsafeMutableBufferPointer { out in
            var index = 0
            func put(_ value: Double) {
                out[index] = value.isFinite ? value : 0
                index += 1
            }
            put(log1p(Double(scalars))); put(log1p(Double(words))); put(mean); put(variance.squareRoot())
            put(Double(punctuation) / scalarCount); put(Double(emDashes) / sentenceCount)
            put(Double(exclamations) / sentenceCount); put(Double(questions) / sentenceCount)
            put(Double(rhetoricalQuestions) / sentenceCount); put(Double(headings) / lineCount)
            put(Double(listLines) / lineCount); put(Double(backticks) / scalarCount)
            put(rate(.secondPerson, per: wordCount)); put(rate(.firstPersonSingular, per: wordCount))
            put(rate(.thirdPerson, per: wordCount)); put(Double(uppercase) / Double(max(letters, 1)))
            put(Double(allCapsWords) / wordCount); put(rate(.insult, per: wordCount))
            put(rate(.profanity, per: wordCount)); put(rate(.intensifier, per: wordCount))
            put(rate(.prejudice, per: wordCount)); put(rate(.egoInsecurity, per: wordCount))
            put(rate(.gatekeeping, per: wordCount)); put(rate(.badFaith, per: wordCount))
            put(rate(.incompetence, per: wordCount))
            put(Double(min(categoryCounts[LexiconCategory.aiSelfReference.rawValue.trailingZeroBitCount], 5)))
            put(rate(.machinePhrase, per: wordCount)); put(Double(notXButY) / sentenceCount)
            put(Double(bold) / scalarCount); put(log1p(Double(urls))); put(Double(digits) / scalarCount)
            put(Double(emoji) / scalarCount); put(Double(distinctWords) / wordCount)
            put(Double(wordLengthSum) / wordCount); put(rate(.politeness, per: wordCount))
            put(Double(accusingSentences) / sentenceCount)
        }
    }
}
