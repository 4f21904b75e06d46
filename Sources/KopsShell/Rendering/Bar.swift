/// Horizontal bars of Unicode blocks for counts, e.g. `Bar.text(3, of: 4, width: 8)` → `██████`.
enum Bar {
    private static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar `width * value / maximum` cells long, in eighths of a cell; at least a sliver for non-zero values.
    static func text(_ value: Int, of maximum: Int, width: Int = 24) -> String {
        guard value > 0, maximum > 0 else { return "" }
        let eighths = max(1, value * width * 8 / maximum)
        let full = String(repeating: "█", count: eighths / 8)
        return eighths % 8 == 0 ? full : full + String(partials[eighths % 8 - 1])
    }
}
