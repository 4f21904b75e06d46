/// A suite that picks lines out of what a command printed: `Self.line("verdict:", in: run.out)`.
public protocol PrintedLines {}

extension PrintedLines {
    /// The first line of `text` that starts with `prefix`; empty when none does.
    public static func line(_ prefix: String, in text: String) -> String {
        text.split(separator: "\n").first { $0.hasPrefix(prefix) }.map(String.init) ?? ""
    }
}
