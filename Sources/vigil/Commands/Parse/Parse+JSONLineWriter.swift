extension Vigil.Parse {
    /// Writes one JSON value on one line, keys in the order the contract lists them.
    struct JSONLineWriter {
        var output = ""
        private var needsComma = false

        mutating func object(_ body: (inout JSONLineWriter) -> Void) {
            separate()
            output += "{"
            needsComma = false
            body(&self)
            output += "}"
            needsComma = true
        }

        mutating func array<Element>(_ elements: [Element], _ body: (inout JSONLineWriter, Element) -> Void) {
            output += "["
            needsComma = false
            for element in elements { body(&self, element) }
            output += "]"
            needsComma = true
        }

        mutating func key(_ name: String) {
            separate()
            output += "\"\(name)\":"
            needsComma = false
        }

        mutating func field(_ name: String, _ value: String?) {
            key(name)
            if let value { JSONStringLiteral.append(value, to: &output) } else { output += "null" }
            needsComma = true
        }

        mutating func field(_ name: String, _ value: Bool) {
            key(name)
            output += value ? "true" : "false"
            needsComma = true
        }

        private mutating func separate() {
            if needsComma { output += "," }
        }
    }
}
