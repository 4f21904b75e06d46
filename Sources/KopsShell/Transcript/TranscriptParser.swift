internal import Foundation

/// Reads a recorded transcript back: its header and the command line that opens each ```` ```kops ```` block.
///
/// ````
/// - profile: default
/// ```kops
/// kops(default:…0501)> health
/// 100200300400501: healthy …
/// ```
/// ````
/// → header profile `default`, commands `["health"]`.
public struct TranscriptParser: Sendable {
    public var header: TranscriptHeader
    /// One ```` ```kops ```` block.
    public struct Entry: Sendable, Equatable {
        /// The 1-based line number of the command line in the file.
        public var line: Int
        public var command: String
        /// The block as written, fences included, with the blank line after it (when the file has one: `separated`).
        public var block: String
        /// False when no blank line follows the block's closing fence (an editor or a ticket removed it): the replay
        /// writes none after it either, so that is no difference (tester57 AB4: every block read as "changed").
        public var separated = true
        /// The simulator's clock when the command ran (the `<!-- clock: … -->` line above the block).
        public var clock: Int64?
        /// True when text stands between the block's clock line and its fence (a note typed above the block): the clock
        /// line is then in `lead`, as written, and not in `block`; it is still this block's instant (probe41 P41-4: the
        /// block replayed at the previous block's instant, and `--update` wrote that instant above it).
        public var clockInLead = false
        /// Text between the previous block and this one (headings, notes), kept as written.
        public var lead = ""
        /// True for a block under a `<!-- snapshot … -->` line: what a bundle saw of a session that was not
        /// recorded, which `kops check` keeps as recorded rather than replays.
        public var snapshot = false
        /// The profile and number of a session that `record --append` continued the file with, from the
        /// `<!-- appended: … -->` line above the block: `kops check` starts a fresh session there, or continues its
        /// own when the line says the same session continued after `record stop`.
        public var appended: AppendedPart?
    }

    /// What an `<!-- appended: … -->` line says of the session that continued the file (`appendedLine`).
    public struct AppendedPart: Sendable, Equatable {
        public var profile: String
        public var phoneNumberID: String?
        public var sources: [String: String]
        public var last: TranscriptHeader.LastIDs
        /// True when the session that recorded the part before it continued the file after `record stop`: its aliases
        /// go on (`<message 1>` stays `<message 1>`) and so does its session (probe42 P42-10: it was written as
        /// "another session" with new aliases, so one message read as two).
        public var sameSession = false
        /// The output mode a second transcript pasted below the first (its own `# kops transcript` header) started in;
        /// nil for a `record --append` part, which starts in the replay's (tester57 AB6).
        public var output: OutputMode?
        /// True for a second transcript pasted below the first: its aliases start at 1, as when it was recorded alone.
        public var pasted = false
        /// The header of a second transcript pasted below the first, which `kops check` compares with the first's
        /// (`TranscriptChecker.otherRecording`); nil for a `record --append` part.
        public var header: TranscriptHeader?

        public init(
            profile: String, phoneNumberID: String?, sources: [String: String] = [:], last: TranscriptHeader.LastIDs = .init(),
            sameSession: Bool = false
        ) {
            (self.profile, self.phoneNumberID, self.sources, self.last) = (profile, phoneNumberID, sources, last)
            self.sameSession = sameSession
        }
    }

    /// How an appended line names the session: another one, or the one that recorded the part before it.
    static let anotherSession = "another session", sameSession = "the same session, after 'record stop'"

    /// `<!-- appended: another session, profile default, phone number id none -->`: written by `record --append`; with
    /// `sources` (`TranscriptHeader.sources`), `…, phone number id 100200300400501, sources phone_number_id=use -->`, and
    /// the last ids the session had (`…, last webhook id 0a1b…, last message id <message 3> -->`) as the header names
    /// them, which `kops check` starts that part with (session 33: a `state` in an appended part never checked clean).
    /// `sameSession`: `<!-- appended: the same session, after 'record stop', profile … -->` (probe42 P42-10).
    public static func appendedLine(
        profile: String, phoneNumberID: String?, sources: [String: String] = [:], last: TranscriptHeader.LastIDs = .init(),
        sameSession: Bool = false
    ) -> String {
        "<!-- appended: \(sameSession ? Self.sameSession : anotherSession), profile \(profile), phone number id \(phoneNumberID ?? "none")"
            + (sources.isEmpty ? "" : ", sources " + TranscriptHeader.sourcesText(sources))
            + zip(TranscriptHeader.LastIDs.labels, last.values).compactMap { label, id in id.map { ", \(label) \($0)" } }.joined()
            + " -->"
    }

    /// The profile, number, sources and last ids an `appendedLine` names; nil for any other line.
    static func appended(in line: Substring) -> AppendedPart? {
        let suffix = " -->"
        let prefixes = [(anotherSession, false), (sameSession, true)].map { ("<!-- appended: \($0.0), profile ", $0.1) }
        guard let (prefix, same) = prefixes.first(where: { line.hasPrefix($0.0) }), line.hasSuffix(suffix) else { return nil }
        var body = line.dropFirst(prefix.count).dropLast(suffix.count)
        // The last ids come last, in `LastIDs.labels` order: each runs to the next one's label or the end.
        var last = TranscriptHeader.LastIDs()
        for (index, label) in TranscriptHeader.LastIDs.labels.enumerated().reversed() {
            guard let range = body.range(of: ", \(label) ", options: .backwards) else { continue }
            last[index] = String(body[range.upperBound...])
            body = body[..<range.lowerBound]
        }
        let parts = body.split(separator: ", phone number id ", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let rest = parts[1].split(separator: ", sources ", maxSplits: 1, omittingEmptySubsequences: false)
        let number = String(rest[0])
        let sources = rest.count == 2 ? TranscriptHeader.sources(in: String(rest[1])) : [:]
        return AppendedPart(
            profile: String(parts[0]), phoneNumberID: number == "none" ? nil : number, sources: sources, last: last, sameSession: same)
    }

    /// The line above a block that is a snapshot (`Entry.snapshot`).
    public static let snapshotLine = "<!-- snapshot: made after a session that was not recorded; kops check keeps it as recorded -->"

    /// Text after the last block, kept as written.
    public var trailer = ""

    /// The first ```` ```kops ```` block without its closing fence (a hand edit, a file cut off): the opening fence's
    /// 1-based line, its command when its prompt line reads as one, and the line where its closing fence belongs (above
    /// the blank and clock lines before the next block found inside it: ```` ```kops ```` then a prompt line, with a
    /// fence at least as long as the open block's, which the recorder never writes inside a block), nil when the file
    /// ends inside it; `fence` is the open block's (```` ``` ```` but for output that holds backticks).
    /// The blocks after it are not read right; `kops check` refuses such a file (probe16 P16-9).
    public var unclosedBlock: (line: Int, command: String?, next: Int?, fence: String)?

    /// Everything before the first block (the header and any facts under it), as written.
    public static func preamble(of text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if TranscriptFence.opening(line) != nil || TranscriptClock.micros(inLine: line) != nil || line == snapshotLine
            {
                break
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The blocks after the preamble, as written.
    public static func body(of text: String) -> String {
        String(text.dropFirst(preamble(of: text).count))
    }

    /// True when `text` starts with the transcript title line that `record` writes (after an editor's
    /// byte-order mark or CRLF line ends, which `normalized` removes).
    /// Spaces or tabs an editor left after the title are tolerated (tester57 AB7).
    public static func isTranscript(_ text: String) -> Bool {
        let first = normalized(text).prefix { $0 != "\n" }
        return isTitle(first) && normalized(text).contains("\n")
    }

    /// The text as the recorder writes it: without a leading byte-order mark (U+FEFF, which Windows
    /// editors add) and with CRLF line ends turned into LF, so a transcript saved by another editor
    /// replays and compares line by line.
    public static func normalized(_ text: String) -> String {
        var text = Substring(text)
        if text.unicodeScalars.first == "\u{FEFF}" { text = Substring(text.unicodeScalars.dropFirst()) }
        guard text.contains("\r\n") else { return String(text) }
        return text.split(separator: "\r\n", omittingEmptySubsequences: false).joined(separator: "\n")
    }

    /// The blocks in order.
    public var commands: [Entry]

    public init(_ text: String) {
        var fields: [String: String] = [:]
        var commands: [Entry] = []
        var inBlock = false
        var block = ""
        var expectCommand = false
        var clock: Int64?
        // The clock line as written, until a block or other text follows it.
        var clockLine: Substring?
        // The clock line was followed by text, which holds it in the lead: it stays the next block's clock (P41-4).
        var clockInLead = false
        // Until the first block, clock or snapshot line: the header's lines. After it, text before a block is its lead.
        var inPreamble = true
        var snapshot = false
        var appended: AppendedPart?
        var seenBlock = false
        // After a block's closing fence, its blank line; then any text until the next block is a lead.
        var afterFence = false
        var lead: [Substring] = []
        // After a `# kops transcript` title below the first block (a second transcript pasted there): its header's
        // fields, read as the first header's are, until its first block starts a fresh session with them (AB6).
        var pasted: [String: String]?
        // The open block's first line is no prompt: a block kops does not read (`commonMarkRead` names it), which is
        // text to keep as written, in the next block's lead or the trailer (tester47 F12: `--update` dropped it).
        var unreadBlock = false
        // The open block's fence line and command, for `unclosedBlock`.
        var opened: (line: Int, command: String?) = (0, nil)
        var unclosed: (line: Int, command: String?, next: Int?, fence: String)?
        // The open block's fence length: it closes at a line of exactly that many backticks (`TranscriptFence.closes`).
        var fence = TranscriptFence.minimum
        // "\r\n" is one Character: split on it too, or a CRLF file (or an output line ending in "\r") hides its fences.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        // The line of the last read block's closing fence: a line after it that is not blank is no separator.
        var closedAt: Int?
        for (offset, line) in lines.enumerated() {
            if closedAt == offset - 1, !line.isEmpty, !commands.isEmpty, commands[commands.count - 1].separated {
                commands[commands.count - 1].block.removeLast()
                commands[commands.count - 1].separated = false
            }
            if !inBlock {
                if line == TranscriptParser.snapshotLine {
                    snapshot = true
                    inPreamble = false
                } else if let micros = TranscriptClock.micros(inLine: line) {
                    // The nearest clock line above a block is its own: an earlier one held in the lead (a clock line
                    // over an indented block, probe22 P22-11) stays there as written.
                    clock = micros
                    clockLine = line
                    clockInLead = false
                    inPreamble = false
                } else if let length = TranscriptFence.opening(line) {
                    inBlock = true
                    inPreamble = false
                    clockLine = nil
                    fence = length
                    opened = (offset + 1, offset + 1 < lines.count ? TranscriptParser.command(in: String(lines[offset + 1])) : nil)
                    seenBlock = true
                    expectCommand = true
                    block = (snapshot ? TranscriptParser.snapshotLine + "\n" : "")
                        + (clockInLead ? "" : clock.map { TranscriptClock.line($0) + "\n" } ?? "") + line + "\n"
                } else if inPreamble {
                    if let (key, value) = TranscriptParser.headerField(line) { fields[key] = value }
                } else if afterFence && line.isEmpty {
                    afterFence = false
                } else {
                    afterFence = false
                    if let session = TranscriptParser.appended(in: line) { appended = session }
                    if seenBlock, TranscriptParser.isTitle(line) {
                        (pasted, appended) = ([:], nil)
                    } else if pasted != nil, let (key, value) = TranscriptParser.headerField(line) {
                        pasted?[key] = value
                    }
                    // A clock line followed by text: kept with that text as written (probe22 P22-11: `--update` dropped
                    // it), and still the clock of the next block unless another clock line comes first (a note typed
                    // between the clock line and the fence, which rendered Markdown hides: probe41 P41-4).
                    if let pending = clockLine {
                        lead.append(pending)
                        (clockLine, clockInLead) = (nil, true)
                    }
                    lead.append(line)
                }
                continue
            }
            if unclosed == nil, let length = TranscriptFence.opening(line), length >= fence, offset + 1 < lines.count,
                TranscriptParser.command(in: String(lines[offset + 1])) != nil
            {
                // The closing fence belongs above the next block's clock or snapshot line and the blank line before it.
                var next = offset
                while next > opened.line + 1,
                    TranscriptClock.micros(inLine: lines[next - 1]) != nil || lines[next - 1] == TranscriptParser.snapshotLine
                        || lines[next - 1].isEmpty
                {
                    next -= 1
                }
                unclosed = (opened.line, opened.command, next + 1, TranscriptFence.fence(length: fence))
            }
            block += line + "\n"
            if TranscriptFence.closes(line, length: fence) {
                inBlock = false
                // An empty block (the closing fence right after the opening one) is no block kops reads either.
                let unreadHere = unreadBlock || expectCommand
                afterFence = !unreadHere
                if unreadHere {
                    lead += block.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                    (unreadBlock, expectCommand) = (false, false)
                    (clock, clockInLead, snapshot) = (nil, false, false)
                } else if !commands.isEmpty, commands[commands.count - 1].block.isEmpty {
                    commands[commands.count - 1].block = block + "\n"
                    closedAt = offset
                }
            } else if expectCommand {
                expectCommand = false
                if let command = TranscriptParser.command(in: String(line)) {
                    let text = lead.map { $0 + "\n" }.joined()
                    commands.append(
                        Entry(
                            line: offset + 1, command: command, block: "", clock: clock, clockInLead: clockInLead && clock != nil,
                            lead: text, snapshot: snapshot, appended: appended ?? pasted.map(TranscriptParser.pastedPart)))
                    lead = []
                    (appended, pasted) = (nil, nil)
                } else {
                    unreadBlock = true
                }
                (clock, clockInLead) = (nil, false)
                snapshot = false
            }
        }
        // The text's last newline ends its last line: the empty piece after it is no line of the trailer, and a text
        // without one keeps ending without one (probe33 P33-3: each `--update` added a blank line after the user's prose).
        let endsWithNewline = text.last == "\n" || text.last == "\r\n"
        // A file that ends at its last block's fence (its newline, no blank line after) keeps ending so (AB4).
        if closedAt == lines.count - 2, endsWithNewline, !commands.isEmpty, commands[commands.count - 1].separated {
            commands[commands.count - 1].block.removeLast()
            commands[commands.count - 1].separated = false
        }
        if !inBlock, endsWithNewline, lead.last?.isEmpty == true { lead.removeLast() }
        if lead.contains(where: { !$0.isEmpty }) { trailer = lead.joined(separator: "\n") + (endsWithNewline ? "\n" : "") }
        if unclosed == nil, inBlock { unclosed = (opened.line, opened.command, nil, TranscriptFence.fence(length: fence)) }
        unclosedBlock = unclosed
        header = TranscriptParser.header(fields)
        self.commands = commands
    }

    /// The header its `- key: value` lines give (`headerField`), with kops's defaults for those missing. The profile and
    /// API host, which `kops check` writes in its own lines, are kept escaped (`VisibleText.escaped`): a transcript is
    /// someone else's file, and its header's control bytes cleared the screen and set the window title (tester58 AD1).
    /// No real profile name or host holds one, so no comparison changes.
    static func header(_ fields: [String: String]) -> TranscriptHeader {
        TranscriptHeader(
            version: fields["kops"] ?? KopsVersion.current, time: fields["recorded"] ?? "",
            profile: fields["profile"].map { VisibleText.escaped($0) } ?? "default",
            host: fields["api"].map { VisibleText.escaped($0) } ?? "", kind: fields["api kind"].flatMap(TranscriptHeader.APIKind.init(rawValue:)),
            seeded: fields["simulator seeded"].flatMap(TranscriptClock.micros(iso:)), phoneNumberID: fields["phone number id"].flatMap { $0 == "none" ? nil : $0 },
            keepPII: fields["personal data"] == "kept", output: fields["output"].flatMap(OutputMode.init(rawValue:)),
            sources: fields["sources"].map(TranscriptHeader.sources(in:)) ?? [:], lastWebhookID: fields["last webhook id"],
            lastMessageID: fields["last message id"], lastConversationID: fields["last conversation id"])
            .withEarlierReads(numbers: fields["numbers read"], health: fields["health read"])
    }

    /// `kops(default:…0501)> health` → `health`; nil for a line that is not a prompt.
    static func command(in line: String) -> String? {
        // Scalars, not Characters: a command that starts with a combining mark joins the prompt's space.
        let scalars = line.unicodeScalars
        guard scalars.starts(with: "kops(".unicodeScalars), let close = scalars.firstIndex(of: ")"),
            scalars[close...].starts(with: ")> ".unicodeScalars)
        else { return nil }
        return String(String.UnicodeScalarView(scalars[scalars.index(close, offsetBy: 3)...]))
    }
}
