/// The namespace declarations in scope while a document's tree is built, innermost last.
///
/// Documents declare a handful of prefixes, and for those a backward scan comparing
/// short strings is cheaper than hashing a prefix per element. A hostile document
/// can declare hundreds of thousands, which would make every element's lookup scan
/// them all; past `indexThreshold` declarations a prefix index takes over, so the
/// cost per element stays constant whatever the document declares.
struct NamespaceScope {
    static let indexThreshold = 32

    private var declarations: [(prefix: String, namespace: String)] = [("xml", XMLDocument.xmlNamespace)]
    /// Where each open element's declarations start in `declarations`.
    private var starts: [Int] = []
    /// Positions in `declarations` of each prefix, ascending; built once the
    /// declarations outgrow `indexThreshold` and kept in step from then on.
    private var positions: [String: [Int]]?

    /// Opens the scope of an element whose declarations follow.
    mutating func enterElement() {
        starts.append(declarations.count)
    }

    /// Closes the innermost element's scope, dropping its declarations.
    mutating func leaveElement() {
        let start = starts.removeLast()
        if positions != nil {
            for index in (start..<declarations.count).reversed() {
                positions![declarations[index].prefix]!.removeLast()
            }
        }
        declarations.removeSubrange(start...)
    }

    /// Declares a prefix for the element being opened; a repeated declaration in one tag keeps the last.
    mutating func declare(_ prefix: String, _ namespace: String) {
        let start = starts[starts.count - 1]
        if let existing = innermostPosition(of: prefix), existing >= start {
            declarations[existing].namespace = namespace
            return
        }
        declarations.append((prefix, namespace))
        if positions != nil {
            positions![prefix, default: []].append(declarations.count - 1)
        } else if declarations.count > Self.indexThreshold {
            var index: [String: [Int]] = [:]
            for (position, declaration) in declarations.enumerated() {
                index[declaration.prefix, default: []].append(position)
            }
            positions = index
        }
    }

    /// The namespace `prefix` stands for here; the empty prefix without a default namespace is "".
    func resolve(_ prefix: String) -> String? {
        if let position = innermostPosition(of: prefix) { return declarations[position].namespace }
        return prefix.isEmpty ? "" : nil
    }

    private func innermostPosition(of prefix: String) -> Int? {
        if let positions { return positions[prefix]?.last }
        return declarations.lastIndex { $0.prefix == prefix }
    }
}
