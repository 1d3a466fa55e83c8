import Foundation

/// Compact byte counts for tables: 812B, 14.2K, 3.1M.
enum ByteCountFormatting {
    static func string(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes)B" }
        let kib = Double(bytes) / 1024
        if kib < 1024 { return String(format: "%.1fK", kib) }
        return String(format: "%.1fM", kib / 1024)
    }
}
