import Foundation

/// A person to watch, as the CLI or the config file describes them, before
/// the store gives them an identity.
public struct PersonSpec: Sendable, Equatable {
    public var name: String
    public var aliases: [String]
    public var handles: [String]
    public var projects: [String]
    public var contextTerms: [String]
    public var surnameNeedsContext: Bool
    public var teams: [String]

    public init(
        name: String, aliases: [String] = [], handles: [String] = [], projects: [String] = [],
        contextTerms: [String] = [], surnameNeedsContext: Bool = true, teams: [String] = []
    ) {
        self.name = name
        self.aliases = aliases
        self.handles = handles
        self.projects = projects
        self.contextTerms = contextTerms
        self.surnameNeedsContext = surnameNeedsContext
        self.teams = teams
    }

    /// The spec with whitespace trimmed, `@` dropped from handles and repeats
    /// removed, or an error naming the first unusable value.
    func normalized() throws -> PersonSpec {
        let name = try Self.checkedTerm(self.name, what: "name")
        return PersonSpec(
            name: name,
            aliases: try Self.cleanList(aliases, what: "alias").filter { $0.lowercased() != name.lowercased() },
            handles: try Self.cleanList(handles.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }, what: "handle"),
            projects: try Self.cleanList(projects, what: "project"),
            contextTerms: try Self.cleanList(contextTerms, what: "context term"),
            surnameNeedsContext: surnameNeedsContext,
            teams: try Self.cleanList(teams, what: "team")
        )
    }

    /// One name, alias, handle, project, context term or team, trimmed; an
    /// error when it is empty, too long, holds control characters or has
    /// nothing visible (only bidi controls, zero-width or other format
    /// characters and spaces): such a term prints as nothing in every listing
    /// and alert, and matches nothing a reader could see.
    public static func checkedTerm(_ raw: String, what: String) throws -> String {
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw StoreError.badInput("empty \(what)") }
        guard trimmed.unicodeScalars.count <= 200 else { throw StoreError.badInput("\(what) is too long (over 200 characters): \(trimmed.prefix(40))…") }
        guard !trimmed.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw StoreError.badInput("\(what) contains control characters: \(trimmed.debugDescription)")
        }
        guard trimmed.unicodeScalars.contains(where: isVisible) else {
            let codes = trimmed.unicodeScalars.prefix(8).map { "U+" + String($0.value, radix: 16, uppercase: true) }
            throw StoreError.badInput("\(what) has no visible character (only \(codes.joined(separator: " "))\(trimmed.unicodeScalars.count > 8 ? " …" : ""))")
        }
        return trimmed
    }

    /// A letter, a digit or a symbol: something a reader sees.
    private static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber,
             .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            true
        default:
            false
        }
    }

    static func cleanList(_ raw: [String], what: String) throws -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for value in raw {
            let cleaned = try checkedTerm(value, what: what)
            if seen.insert(cleaned.lowercased()).inserted { result.append(cleaned) }
        }
        return result
    }
}
