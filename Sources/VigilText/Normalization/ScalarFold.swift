import Foundation

/// The fold applied to every scalar before matching, on the watchlist and on the
/// text alike, so that two spellings a reader takes for the same name fold to the
/// same bytes: compatibility decomposition (the equivalence NFKC and NFKD share:
/// full and half width, ligatures, mathematical letters), case folding, diacritic
/// removal, one apostrophe, one double quote, one hyphen, and a confusables fold
/// that maps Cyrillic and Greek look-alikes onto the Latin letters they imitate.
///
/// The fold is a skeleton, not a transliteration: genuine Cyrillic or Greek names
/// still match, because the watchlist goes through the same fold.
enum ScalarFold {
    static func fold(_ scalar: Unicode.Scalar) -> FoldedScalar {
        if isRemoved(scalar) { return .removed }
        if isSeparator(scalar) { return .separator }
        if let mapped = punctuation[scalar.value] { return .text(Array(mapped.utf8), boundaryFree: false) }
        let boundaryFree = isBoundaryFree(scalar)
        if boundaryFree, !needsDecomposition(scalar) {
            return .text(Array(String(scalar).utf8), boundaryFree: true)
        }
        var folded = String.UnicodeScalarView()
        let decomposed = String(scalar).decomposedStringWithCompatibilityMapping
        for part in decomposed.unicodeScalars {
            appendFolded(part, to: &folded)
        }
        if folded.isEmpty { return .removed }
        if folded.allSatisfy({ $0.properties.isWhitespace }) { return .separator }
        return .text(Array(String(folded).utf8), boundaryFree: boundaryFree)
    }

    private static func appendFolded(_ scalar: Unicode.Scalar, to folded: inout String.UnicodeScalarView) {
        if isDiacritic(scalar) || isRemoved(scalar) { return }
        if let mapped = punctuation[scalar.value] {
            folded.append(contentsOf: mapped.unicodeScalars)
            return
        }
        if let special = specialLetters[scalar.value] {
            folded.append(contentsOf: special.unicodeScalars)
            return
        }
        for lower in scalar.properties.lowercaseMapping.unicodeScalars {
            if isDiacritic(lower) { continue }
            if let special = specialLetters[lower.value] {
                folded.append(contentsOf: special.unicodeScalars)
            } else if let confusable = confusables[lower.value] {
                folded.append(confusable)
            } else {
                folded.append(lower)
            }
        }
    }

    /// Zero-width characters, bidirectional controls, soft hyphens, variation
    /// selectors, tag characters: invisible, so they are deleted.
    static func isRemoved(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180B...0x180F,
             0x200B...0x200F, 0x202A...0x202E, 0x2060...0x206F, 0x3164, 0xFE00...0xFE0F,
             0xFEFF, 0xFFA0, 0xFFF9...0xFFFB, 0x1BCA0...0x1BCA3, 0xE0000...0xE0FFF:
            return true
        default:
            return scalar.properties.generalCategory == .format
        }
    }

    /// Whitespace and the marks that separate the parts of a name: the Katakana
    /// middle dot and its look-alikes, the Katakana double hyphen and the full-width
    /// equals sign used the same way.
    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00B7, 0x0387, 0x2022, 0x2027, 0x2219, 0x22C5, 0x2E31, 0x30A0, 0x30FB, 0xFF65, 0xFF1D, 0x16EB:
            return true
        default:
            return scalar.properties.isWhitespace || scalar.value < 0x20 || scalar.value == 0x7F
        }
    }

    /// Combining marks that only add a diacritic to a Latin, Greek or Cyrillic base.
    /// Other combining marks carry meaning (Japanese voicing marks, Indic vowel
    /// signs) and stay.
    static func isDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F, 0x0483...0x0489:
            return true
        default:
            return false
        }
    }

    /// Scripts written without spaces between words.
    static func isBoundaryFree(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0E00...0x0EFF,       // Thai, Lao
             0x1000...0x109F,       // Myanmar
             0x1100...0x11FF,       // Hangul Jamo
             0x1780...0x17FF,       // Khmer
             0x2E80...0x2FDF,       // CJK radicals, Kangxi
             0x3005...0x3007, 0x3021...0x3029, 0x3031...0x3035, 0x303B,
             0x3040...0x30FF,       // Hiragana, Katakana
             0x3100...0x312F, 0x3130...0x318F, 0x31A0...0x31FF,
             0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA960...0xA97F, 0xAC00...0xD7FF,  // Hangul
             0xF900...0xFAFF,       // CJK compatibility ideographs
             0xFF66...0xFF9F,       // half-width Katakana
             0xFFA1...0xFFDC,       // half-width Hangul
             0x1B000...0x1B16F, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    /// Boundary-free scalars that still have a compatibility form to unfold
    /// (half-width Katakana, compatibility ideographs, voiced kana).
    private static func needsDecomposition(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0xF900...0xFAFF, 0xFF66...0xFF9F, 0xFFA1...0xFFDC, 0x2E80...0x2FDF, 0x3131...0x318F:
            return true
        default:
            return false
        }
    }

    /// One apostrophe, one double quote, one hyphen.
    static let punctuation: [UInt32: String] = [
        0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x2035: "'", 0x00B4: "'",
        0x02B9: "'", 0x02BC: "'", 0x02BB: "'", 0x02C8: "'", 0xFF07: "'", 0x0060: "`",
        0x201C: "\"", 0x201D: "\"", 0x201E: "\"", 0x201F: "\"", 0x2033: "\"", 0x2036: "\"",
        0x00AB: "\"", 0x00BB: "\"", 0x2039: "\"", 0x203A: "\"", 0x301D: "\"", 0x301E: "\"", 0xFF02: "\"",
        0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2043: "-",
        0x2212: "-", 0xFE58: "-", 0xFE63: "-", 0xFF0D: "-", 0x058A: "-", 0x1806: "-", 0x2E3A: "-", 0x2E3B: "-",
    ]

    /// Letters whose base letter is not reachable by decomposition.
    static let specialLetters: [UInt32: String] = [
        0x00DF: "ss", 0x1E9E: "ss", 0x0142: "l", 0x0141: "l", 0x0111: "d", 0x0110: "d", 0x00F8: "o", 0x00D8: "o",
        0x00E6: "ae", 0x00C6: "ae", 0x0153: "oe", 0x0152: "oe", 0x00FE: "th", 0x00DE: "th", 0x00F0: "d",
        0x00D0: "d", 0x0127: "h", 0x0126: "h", 0x0131: "i", 0x0138: "k", 0x0167: "t", 0x0166: "t",
        0x03C2: "s", 0x0180: "b", 0x0183: "b", 0x0188: "c", 0x0192: "f", 0x0199: "k", 0x019A: "l",
        0x0261: "g", 0x0251: "a", 0x0269: "i", 0x028B: "v", 0x0272: "n", 0x026F: "m",
    ]

    /// Cyrillic and Greek letters that pass for Latin ones, keyed by the lower-case
    /// letter. Where only the capital is a look-alike (Greek Ν, Cyrillic Н) the
    /// small letter maps to the capital's twin, so that case folding and the
    /// confusables fold agree and genuine Greek or Cyrillic names still match.
    static let confusables: [UInt32: Unicode.Scalar] = [
        // Cyrillic
        0x0430: "a", 0x0432: "b", 0x0435: "e", 0x0451: "e", 0x043A: "k", 0x043C: "m", 0x043D: "h", 0x043E: "o",
        0x0440: "p", 0x0441: "c", 0x0442: "t", 0x0443: "y", 0x0445: "x", 0x0455: "s", 0x0456: "i", 0x0457: "i",
        0x0458: "j", 0x0501: "d", 0x051B: "q", 0x051D: "w", 0x04BB: "h", 0x04CF: "l", 0x0491: "r", 0x044C: "b",
        0x0433: "r", 0x043F: "n", 0x045B: "h", 0x0475: "v", 0x04AF: "y", 0x0261: "g",
        // Greek
        0x03B1: "a", 0x03B2: "b", 0x03B5: "e", 0x03B6: "z", 0x03B7: "h", 0x03B9: "i", 0x03BA: "k", 0x03BC: "m",
        0x03BD: "n", 0x03BF: "o", 0x03C1: "p", 0x03C3: "s", 0x03C4: "t", 0x03C5: "y", 0x03C7: "x", 0x03F2: "c",
        0x03F3: "j", 0x03C9: "w",
    ]
}
