/// What one scalar of the original text becomes in normalised text.
enum FoldedScalar: Sendable, Hashable {
    /// Zero-width and format characters, variation selectors, stray combining
    /// diacritics: they change nothing a reader sees, so they must change nothing
    /// the matcher sees.
    case removed
    /// Whitespace, line breaks and name separators such as the Katakana middle dot.
    case separator
    /// The folded form, as UTF-8. `boundaryFree` marks scripts written without
    /// spaces between words (Han, kana, Hangul, Thai...), where names are matched
    /// at character boundaries instead of word boundaries.
    case text([UInt8], boundaryFree: Bool)
}
