/// `kops check --update` keeps the fences a transcript's blocks were written with: ```` ````kops ```` (what tools
/// write when nesting), `~~~kops`, ```` ```kops {.shell} ```` (tester57b AC6: they were read, compared as the
/// recorder's ```` ```kops ````, and rewritten as it).
extension TranscriptParser {
    /// `text` (the recorder's form) with each block's fence lines as `original` writes them, block by block while the
    /// two hold the same commands, where that fence still holds the block's lines as they are now: none of them closes
    /// it, and a backtick fence is still longer than any run of backticks a line starts with (`TranscriptFence`). An
    /// indented fence is not kept: Markdown takes as much indentation off each line of its block.
    static func keepingFences(_ text: String, like original: String) -> String {
        let old = normalized(original).split(separator: "\n", omittingEmptySubsequences: false)
        var new = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var changed = false
        for (was, now) in zip(kopsBlocks(old), kopsBlocks(new.map { Substring($0) })) {
            // Paired while their first lines name the same command (or both none: a block kops does not read).
            func command(_ lines: [some StringProtocol], after open: Int) -> String? {
                guard open + 1 < lines.count else { return nil }
                return TranscriptParser.command(in: String(lines[open + 1].drop { $0 == " " })).map(TranscriptRestore.normalizedKey)
            }
            guard command(old, after: was.open) == command(new, after: now.open) else { break }
            guard let fence = FenceLine(old[was.open]), fence.indent == 0, let oldClose = was.close, let close = now.close
            else { continue }
            let body = new[(now.open + 1)..<close]
            let needed = TranscriptFence.fence(around: body.joined(separator: "\n")).count
            guard !body.contains(where: { fence.closes(Substring($0)) }), fence.character == "~" || fence.length >= needed
            else { continue }
            (new[now.open], new[close]) = (String(old[was.open]), String(old[oldClose]))
            changed = true
        }
        return changed ? new.joined(separator: "\n") : text
    }

    /// The kops blocks of `lines` as CommonMark reads them (`commonMarkRead`): each opening fence's index, and its
    /// closing fence's (nil when the text ends inside the block).
    static func kopsBlocks(_ lines: [Substring]) -> [(open: Int, close: Int?)] {
        var blocks: [(open: Int, close: Int?)] = []
        var index = 0
        while index < lines.count {
            guard let fence = FenceLine(lines[index]), fence.language == TranscriptRecorder.info else {
                index += 1
                continue
            }
            var close = index + 1
            while close < lines.count, !fence.closes(lines[close]) { close += 1 }
            blocks.append((index, close < lines.count ? close : nil))
            index = close + 1
        }
        return blocks
    }
}
