/// Reading ```` ```kops ```` blocks as CommonMark does (0.31.2 §4.5, "Fenced code blocks"), for transcripts an editor
/// or a ticket system touched: a fence indented up to 3 spaces (its lines lose as much indentation), spaces after the
/// info string, words after `kops` in it, `~~~` fences (probe18 P18-18).
extension TranscriptParser {
    /// A block that looks like a kops block but is not read as one, e.g. line 23, "indented 4 spaces: …".
    public struct UnreadBlock: Sendable, Equatable {
        /// The 1-based line of its opening fence.
        public var line: Int
        /// Why it is not read and how to make it read, lowercase, without a trailing period.
        public var reason: String

        public init(line: Int, reason: String) {
            self.line = line
            self.reason = reason
        }

        /// The command its prompt line names in `text` (the line after its fence, or its own line when a prompt line
        /// lost the fence above it: tester57 AB3), else that line as written.
        func command(in text: String) -> String {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(line - 1).prefix(2)
                .map { String($0.drop { $0 == " " }) }
            return lines.lazy.compactMap(TranscriptParser.command(in:)).first ?? lines.dropFirst().first ?? ""
        }
    }

    /// A fence line as CommonMark reads one: `  ~~~~ kops ` → indent 2, `~`, length 4, info `kops`.
    struct FenceLine {
        var indent: Int
        var character: Character
        var length: Int
        /// The info string, trimmed.
        var info: Substring
        /// The info string's first word (CommonMark's language): `kops` for `kops runnable`.
        var language: Substring { info.prefix { $0 != " " && $0 != "\t" } }

        /// Nil for a line that opens no fence: indented 4 or more (a tab counts 4), fewer than 3 backticks or tildes,
        /// or a backtick fence whose info string holds a backtick.
        init?(_ line: Substring) {
            let indent = line.prefix { $0 == " " }.count
            guard indent <= 3, let character = line.dropFirst(indent).first, character == "`" || character == "~" else {
                return nil
            }
            let length = line.dropFirst(indent).prefix { $0 == character }.count
            let info = line.dropFirst(indent + length).trimmingSpaces
            guard length >= TranscriptFence.minimum, character == "~" || !info.contains("`") else { return nil }
            (self.indent, self.character, self.length, self.info) = (indent, character, length, info)
        }

        /// True for a line that closes this fence: up to 3 spaces, the fence's character, nothing after but spaces.
        /// Backticks: exactly as many (`TranscriptFence.closes` says why); tildes: as many or more, as CommonMark.
        func closes(_ line: Substring) -> Bool {
            let indent = line.prefix { $0 == " " }.count
            guard indent <= 3 else { return false }
            let rest = line.dropFirst(indent)
            let run = rest.prefix { $0 == character }.count
            guard character == "`" ? run == length : run >= length else { return false }
            return rest.dropFirst(run).trimmingSpaces.isEmpty
        }
    }

    /// `text` with each block CommonMark reads as a ```` ```kops ```` block in the form the recorder writes it (fence at
    /// the line's start, of backticks, `kops` alone after it; its lines without the fence's indentation), line for line,
    /// so line numbers stay the file's; and the blocks that look like kops blocks but cannot be read: a fence indented 4
    /// or more (Markdown shows it as text), a language spelled otherwise (`Kops`), a backtick in the info string, a
    /// block whose first line is not a prompt. Text already in the recorder's form comes back as it is.
    public static func commonMarkRead(_ text: String) -> (text: String, unread: [UnreadBlock]) {
        // As the parser splits: "\r\n" is one Character.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        var unread: [UnreadBlock] = []
        var changed = false
        var index = 0
        // Where a block of another language (or none) ends, the lines till then are its text (`unmarkedPrompt`).
        var otherBlockEnd = 0
        while index < lines.count {
            let line = Substring(lines[index])
            guard let fence = FenceLine(line), fence.language == TranscriptRecorder.info else {
                let unmarked = unmarkedPrompt(at: index, in: lines, otherBlockEnd: &otherBlockEnd)
                if let reason = unreadReason(line) {
                    // Named once, as the kops block it looks like: its prompt line below is no block of its own.
                    unread.append(UnreadBlock(line: index + 1, reason: reason))
                    otherBlockEnd = max(otherBlockEnd, index + 2)
                } else if let unmarked {
                    unread.append(UnreadBlock(line: index + 1, reason: unmarked))
                }
                index += 1
                continue
            }
            let open = index
            var close = open + 1
            while close < lines.count, !fence.closes(Substring(lines[close])) { close += 1 }
            let body = lines[(open + 1)..<close].map { line in
                String(line.dropFirst(min(fence.indent, line.prefix { $0 == " " }.count)))
            }
            if body.first.flatMap(command(in:)) == nil {
                unread.append(
                    UnreadBlock(
                        line: open + 1,
                        reason: "a kops block whose first line is not a prompt ('kops(PROFILE)> COMMAND'); "
                            + "give it one, or mark the block as another language"))
            }
            // The fence the recorder would write around these lines: a longer backtick fence than that (```` ````kops ````,
            // as tools write when nesting) reads as the same block, so it is no difference either (tester57b AC6: every
            // fence line was one). A shorter one stays: an old 3-backtick block's ```` ```` ```` line is output.
            let needed = TranscriptFence.fence(around: body.joined(separator: "\n"))
            let marks = fence.character == "`" ? TranscriptFence.fence(length: min(fence.length, needed.count)) : needed
            if line != Substring(marks + TranscriptRecorder.info) || close < lines.count && lines[close] != marks {
                lines[open] = marks + TranscriptRecorder.info
                if close < lines.count { lines[close] = marks }
                lines.replaceSubrange((open + 1)..<close, with: body)
                changed = true
            }
            index = close + 1
        }
        return (changed ? lines.joined(separator: "\n") : text, unread)
    }

    /// A kops block CommonMark reads as never closed although another kops block starts inside it (a `~~~kops` block
    /// closed with ```` ``` ````, a fence lengthened by hand): its fence's 1-based line, its command, the line its closing
    /// fence belongs above (above the blank and clock lines before the block inside it) and its fence; nil otherwise.
    /// `TranscriptParser.unclosedBlock` reads backtick fences as the recorder writes them and missed these, so
    /// `record --append` continued such a file and `kops check` read every later block as its output and blamed a
    /// killed kops (probe45 P45-7). Both refuse it now with this line.
    public static func unclosedByHand(_ text: String) -> (line: Int, command: String?, next: Int?, fence: String)? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        // Only the last block can run to the end of the text.
        guard let index = kopsBlocks(lines).last.flatMap({ $0.close == nil ? $0.open : nil }), let fence = FenceLine(lines[index])
        else { return nil }
        let inner = ((index + 1)..<lines.count).first { offset in
            // As `unclosedBlock` reads one: a fence at least as long (a shorter one is output quoting a block).
            FenceLine(lines[offset]).map { $0.language == TranscriptRecorder.info && $0.length >= fence.length } == true
                && offset + 1 < lines.count
                && command(in: String(lines[offset + 1])) != nil
        }
        guard let inner else { return nil }
        var above = inner
        while above > index + 1, lines[above - 1].isEmpty || TranscriptClock.micros(inLine: lines[above - 1]) != nil { above -= 1 }
        let first = index + 1 < lines.count ? command(in: String(lines[index + 1].drop { $0 == " " })) : nil
        return (index + 1, first, above + 1, String(repeating: fence.character, count: fence.length))
    }

    /// Why the line at `index` opens no kops block though its block starts with a kops prompt, or nil: a fence that lost
    /// its `kops` (```` ``` ````, ```` ```text ````, as ticket systems and editors leave it) or a prompt line the block's
    /// opening fence was deleted above (tester57 AB3: skipped in silence, "no commands recorded", or "output unchanged"
    /// with a changed verdict in it). Only a block's first line counts: a prompt quoted further down a block of another
    /// language, or below another prompt line of the same paragraph, is text. `otherBlockEnd` is the line after the block of
    /// another language that holds `index` (its closing fence; a kops fence inside it starts kops's own reading again).
    static func unmarkedPrompt(at index: Int, in lines: [String], otherBlockEnd: inout Int) -> String? {
        let reason = "a block with no '\(TranscriptRecorder.info)' mark that starts with a kops prompt; "
            + "mark it ```\(TranscriptRecorder.info) to have it replayed"
        if let fence = FenceLine(Substring(lines[index])), index >= otherBlockEnd {
            var end = index + 1
            while end < lines.count, !fence.closes(Substring(lines[end])),
                FenceLine(Substring(lines[end]))?.language != Substring(TranscriptRecorder.info)
            {
                end += 1
            }
            otherBlockEnd = end + 1
            let first = index + 1 < lines.count ? lines[index + 1].drop { $0 == " " } : ""
            return command(in: String(first)) == nil ? nil : reason
        }
        guard index >= otherBlockEnd, command(in: lines[index]) != nil else { return nil }
        // The first prompt of its paragraph: the lines above it up to a blank line hold none.
        let above = lines[..<index].reversed().prefix { !$0.isEmpty }
        return above.contains { command(in: $0) != nil } ? nil : reason
    }

    /// Why a line that opens no kops block still looks like it opens one (a fence and `kops` in any case), or nil.
    static func unreadReason(_ line: Substring) -> String? {
        let lead = line.prefix { $0 == " " || $0 == "\t" }
        let rest = line.dropFirst(lead.count)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let run = rest.prefix { $0 == character }.count
        let info = rest.dropFirst(run).trimmingSpaces
        let language = info.prefix { $0 != " " && $0 != "\t" && $0 != "`" }
        guard run >= TranscriptFence.minimum, language.lowercased() == TranscriptRecorder.info else { return nil }
        if lead.contains("\t") || lead.count > 3 {
            return "a kops block indented \(lead.contains("\t") ? "with a tab" : "\(lead.count) spaces"), which Markdown "
                + "shows as text, not a block; indent its fence 3 spaces at most"
        }
        if character == "`", info.contains("`") {
            return "a kops block whose fence has a backtick after '\(TranscriptRecorder.info)', which makes it no fence "
                + "in Markdown; remove it"
        }
        guard FenceLine(line)?.language != Substring(TranscriptRecorder.info) else { return nil }
        return "a block marked '\(VisibleText.escaped(String(language)))', not '\(TranscriptRecorder.info)'; "
            + "mark it '\(TranscriptRecorder.info)' to have it replayed"
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (CommonMark's info string trim).
    fileprivate var trimmingSpaces: Substring {
        let start = drop { $0 == " " || $0 == "\t" }
        return start.dropLast(start.reversed().prefix { $0 == " " || $0 == "\t" }.count)
    }
}
