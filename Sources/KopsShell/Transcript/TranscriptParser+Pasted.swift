/// What an editor or a ticket does to a transcript's header that `kops check` still reads: other list bullets
/// (`* `, `+ `), spaces after the title, text above the title, a second transcript pasted below the first (tester57).
extension TranscriptParser {
    /// `- profile: sim` → (`profile`, `sim`); `* ` and `+ ` bullets too, which CommonMark reads as the same list and
    /// Markdown tools write for `- ` (tester57 AB16: the header was ignored, and check said it was recorded with profile
    /// default). Nil for any other line.
    static func headerField(_ line: Substring) -> (key: String, value: String)? {
        guard let bullet = line.first, "-*+".contains(bullet), line.dropFirst().first == " ",
            let colon = line.firstIndex(of: ":")
        else { return nil }
        let key = line[line.index(line.startIndex, offsetBy: 2)..<colon]
        return (String(key), String(line[line.index(after: colon)...]).trimmingWhitespace)
    }

    /// True for the title line `record` writes, also with spaces or tabs after it (tester57 AB7).
    static func isTitle(_ line: Substring) -> Bool {
        line.hasPrefix(TranscriptHeader.title) && line.dropFirst(TranscriptHeader.title.count).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The 1-based line of the first title line in `text` when it is not the first line (a transcript pasted under a
    /// ticket's text); nil when there is none or it is first (tester57 AB7).
    public static func titleLine(in text: String) -> Int? {
        let lines = normalized(text).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex(where: isTitle).flatMap { $0 == 0 ? nil : $0 + 1 }
    }

    /// The session a second transcript pasted below the first starts with: its header's profile, number, sources,
    /// last ids and output mode, as the first header gives the first part (tester57 AB6: it replayed with the first
    /// part's state, and `--update` wrote that over it).
    static func pastedPart(_ fields: [String: String]) -> AppendedPart {
        let header = header(fields)
        var part = AppendedPart(
            profile: header.profile, phoneNumberID: header.phoneNumberID, sources: header.sources,
            last: .init(webhook: header.lastWebhookID, message: header.lastMessageID, conversation: header.lastConversationID))
        (part.output, part.pasted, part.header) = (header.output ?? .table, true, header)
        return part
    }
}
