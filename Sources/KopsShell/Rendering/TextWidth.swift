internal import KapsoClient

/// How many terminal columns text takes, e.g. `"abc"` → 3, `"中文"` → 4, `"e\u{301}"` → 1.
///
/// Counts per `Character`: East Asian wide and fullwidth characters and emoji take 2 columns;
/// combining marks, format characters (zero-width space, joiners) and controls take 0; the rest
/// takes 1. This matches common terminals for the text kops shows, not every terminal for
/// every script.
public enum TextWidth {
    /// The columns `text` takes.
    public static func displayWidth(_ text: some StringProtocol) -> Int {
        // Printable ASCII, most of what kops shows, is one column a byte: skip the Unicode lookups.
        if isPrintableASCII(text) { return text.utf8.count }
        return text.reduce(0) { $0 + displayWidth($1) }
    }

    /// True when every byte of `text` is printable ASCII (space to `~`), so it takes one column a byte.
    static func isPrintableASCII(_ text: some StringProtocol) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { ByteWords.allPrintableASCII($0, newlines: false) }
            ?? text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    /// The columns one character (grapheme cluster) takes: 0, 1 or 2.
    public static func displayWidth(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let properties = first.properties
        switch properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control:
            return 0
        default:
            break
        }
        if properties.isEmojiPresentation || (properties.isEmoji && scalars.contains("\u{FE0F}")) {
            return 2
        }
        return isWide(first.value) ? 2 : 1
    }

    /// East Asian Wide and Fullwidth ranges, after Markus Kuhn's `wcwidth`; emoji are handled
    /// by their Unicode properties instead.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0xA4CF, 0xA960...0xA97F,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
