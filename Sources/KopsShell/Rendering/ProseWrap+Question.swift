extension ProseWrap {
    /// A `[y/N]` question fitted to a terminal `width` as other output is (probe38 P38-15: `…/ingest/whatsap|p)?` broke
    /// mid-word at 80 columns): `lead`, the lines before its last, each ending in a line feed (empty when the question
    /// fits on one line), and `prompt`, its last line with the question's trailing spaces, after which the answer is
    /// typed. Two columns are kept free for the answer. E.g. at 30 columns `delete webhook 3d4e5f6a (https://h.test/x)?
    /// [y/N] ` → lead `delete webhook 3d4e5f6a\n`, prompt `(https://h.test/x)? [y/N] `.
    public static func question(_ text: String, width: Int) -> (lead: String, prompt: String) {
        let trailing = String(text.reversed().prefix { $0 == " " })
        let lines = lines(String(text.dropLast(trailing.count)), width: max(width - 2, 1))
        guard lines.count > 1, let last = lines.last else { return ("", text) }
        return (lines.dropLast().joined(separator: "\n") + "\n", last + trailing)
    }
}
