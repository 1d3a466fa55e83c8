import VigilText
import Foundation

/// Header values for mail and HTTP: one line, and non-ASCII text as an
/// RFC 2047 encoded word, so feed text can neither break a header nor add one.
enum MIMEHeader {
    static func encodedWord(_ text: String, separator: String = " ") -> String {
        let line = UntrustedText.plain(text, limit: 200)
        if line.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 0x20 }) { return line }
        // Encoded words are at most 75 characters: split the UTF-8 on
        // character boundaries into chunks that fit.
        var words: [String] = []
        var chunk = ""
        for character in line {
            if (chunk + String(character)).utf8.count > 45 {
                words.append(chunk)
                chunk = ""
            }
            chunk.append(character)
        }
        if !chunk.isEmpty { words.append(chunk) }
        return words.map { "=?UTF-8?B?\(Data($0.utf8).base64EncodedString())?=" }.joined(separator: separator)
    }
}
