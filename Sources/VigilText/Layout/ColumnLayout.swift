/// Aligns rows of cells into columns measured in terminal columns, so wide
/// (CJK) names line up with Latin ones. Numeric columns align right. The
/// CLI's listings and the text digest share it.
public struct ColumnLayout: Sendable {
    public let headers: [String]
    public let rightAligned: Set<Int>
    public private(set) var rows: [[String]] = []

    public init(headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    public mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table's lines, each prefixed with `indent`.
    public func render(indent: String = "") -> [String] {
        let all = [headers] + rows
        var widths = [Int](repeating: 0, count: headers.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], Self.displayWidth(cell))
            }
        }
        return all.map { row in
            var line = indent
            for (index, cell) in row.enumerated() {
                let padding = String(repeating: " ", count: max(0, widths[index] - Self.displayWidth(cell)))
                if index > 0 { line += "  " }
                line += rightAligned.contains(index) ? padding + cell : cell + (index == row.count - 1 ? "" : padding)
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Terminal columns a string occupies: East Asian wide characters count
    /// two, combining marks and format characters none.
    public static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: return width
            default: break
            }
            let value = scalar.value
            let wide = (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value)
                || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
                || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
                || (0xFFE0...0xFFE6).contains(value) || (0x1F300...0x1F64F).contains(value)
                || (0x20000...0x3FFFD).contains(value)
            return width + (wide ? 2 : 1)
        }
    }
}
