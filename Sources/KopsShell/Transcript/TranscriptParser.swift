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
        /// The block as written, fences included, with the blank line after it.
        public var block: String
        /// The simulator's clock when the command ran (the `<!-- clock: … -->` line above the block).
        public var clock: Int64?
        /// Text between the previous block and this one (headings, notes), kept as written.
        public var lead = ""
        /// True for a block under a `<!-- snapshot … -->` line: what a bundle saw of a session that was not
        /// recorded, which `kops check` keeps as recorded rather than replays.
        public var snapshot = false
        /// The profile and number of a session that `record --append` continued the file with, from the
        /// `<!-- appended: … -->` line above the block: `kops check` starts a fresh session there.
        public var appended: (profile: String, phoneNumberID: String?, sources: [String: String], last: TranscriptHeader.LastIDs)?

        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.line == rhs.line && lhs.command == rhs.command && lhs.block == rhs.block && lhs.clock == rhs.clock
                && lhs.lead == rhs.lead && lhs.snapshot == rhs.snapshot && lhs.appended?.profile == rhs.appended?.profile
                && lhs.appended?.phoneNumberID == rhs.appended?.phoneNumberID && lhs.appended?.sources == rhs.appended?.sources
                && lhs.appended?.last == rhs.appended?.last
        }
    }

    /// `<!-- appended: another session, profile default, phone number id none -->`: written by `record --append`; with
    /// `sources` (`TranscriptHeader.sources`), `…, phone number id 100200300400501, sources phone_number_id=use -->`, and
    /// the last ids the session had (`…, last webhook id 0a1b…, last message id <message 3> -->`) as the header names
    /// them, which `kops check` starts that part with (session 33: a `state` in an appended part never checked clean).
    public static func appendedLine(
        profile: String, phoneNumberID: String?, sources: [String: String] = [:], last: TranscriptHeader.LastIDs = .init()
    ) -> String {
        "<!-- appended: another session, profile \(profile), phone number id \(phoneNumberID ?? "none")"
            + (sources.isEmpty ? "" : ", sources " + TranscriptHeader.sourcesText(sources))
            + zip(TranscriptHeader.LastIDs.labels, last.values).compactMap { label, id in id.map { ", \(label) \($0)" } }.joined()
            + " -->"
    }

    /// The profile, number, sources and last ids an `appendedLine` names; nil for any other line.
    static func appended(in line: Substring) -> (profile: String, phoneNumberID: String?, sources: [String: String], last: TranscriptHeader.LastIDs)? {
        let prefix = "<!-- appended: another session, profile ", suffix = " -->"
        guard line.hasPrefix(prefix), line.hasSuffix(suffix) else { return nil }
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
        return (String(parts[0]), number == "none" ? nil : number, sources, last)
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
    public static func isTranscript(_ text: String) -> Bool {
        normalized(text).hasPrefix(TranscriptHeader.title + "\n")
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
        var snapshot = false
        var appended: (profile: String, phoneNumberID: String?, sources: [String: String], last: TranscriptHeader.LastIDs)?
        var seenBlock = false
        // After a block's closing fence, its blank line; then any text until the next block is a lead.
        var afterFence = false
        var lead: [Substring] = []
        // The open block's fence line and command, for `unclosedBlock`.
        var opened: (line: Int, command: String?) = (0, nil)
        var unclosed: (line: Int, command: String?, next: Int?, fence: String)?
        // The open block's fence length: it closes at a line of exactly that many backticks (`TranscriptFence.closes`).
        var fence = TranscriptFence.minimum
        // "\r\n" is one Character: split on it too, or a CRLF file (or an output line ending in "\r") hides its fences.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, line) in lines.enumerated() {
            if !inBlock {
                if line == TranscriptParser.snapshotLine {
                    snapshot = true
                } else if let micros = TranscriptClock.micros(inLine: line) {
                    clock = micros
                    clockLine = line
                } else if let length = TranscriptFence.opening(line) {
                    inBlock = true
                    clockLine = nil
                    fence = length
                    opened = (offset + 1, offset + 1 < lines.count ? TranscriptParser.command(in: String(lines[offset + 1])) : nil)
                    seenBlock = true
                    expectCommand = true
                    block = (snapshot ? TranscriptParser.snapshotLine + "\n" : "")
                        + (clock.map { TranscriptClock.line($0) + "\n" } ?? "") + line + "\n"
                } else if !seenBlock {
                    if line.hasPrefix("- "), let colon = line.firstIndex(of: ":") {
                        let key = line[line.index(line.startIndex, offsetBy: 2)..<colon]
                        fields[String(key)] = String(line[line.index(after: colon)...]).trimmingWhitespace
                    }
                } else if afterFence && line.isEmpty {
                    afterFence = false
                } else {
                    afterFence = false
                    if let session = TranscriptParser.appended(in: line) { appended = session }
                    // A clock line followed by text, not a block (a block indented 4 spaces, which is not read): it is
                    // that text's, kept with it (probe22 P22-11: `--update` dropped it).
                    if let pending = clockLine, seenBlock {
                        lead.append(pending)
                        (clock, clockLine) = (nil, nil)
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
                afterFence = true
                if !commands.isEmpty, commands[commands.count - 1].block.isEmpty {
                    commands[commands.count - 1].block = block + "\n"
                }
            } else if expectCommand {
                expectCommand = false
                if let command = TranscriptParser.command(in: String(line)) {
                    let text = lead.map { $0 + "\n" }.joined()
                    commands.append(
                        Entry(
                            line: offset + 1, command: command, block: "", clock: clock, lead: text, snapshot: snapshot,
                            appended: appended))
                    lead = []
                    appended = nil
                }
                clock = nil
                snapshot = false
            }
        }
        // The text's last newline ends its last line: the empty piece after it is no line of the trailer, and a text
        // without one keeps ending without one (probe33 P33-3: each `--update` added a blank line after the user's prose).
        let endsWithNewline = text.last == "\n" || text.last == "\r\n"
        if !inBlock, endsWithNewline, lead.last?.isEmpty == true { lead.removeLast() }
        if lead.contains(where: { !$0.isEmpty }) { trailer = lead.joined(separator: "\n") + (endsWithNewline ? "\n" : "") }
        if unclosed == nil, inBlock { unclosed = (opened.line, opened.command, nil, TranscriptFence.fence(length: fence)) }
        unclosedBlock = unclosed
        header = TranscriptHeader(
            version: fields["kops"] ?? KopsVersion.current, time: fields["recorded"] ?? "",
            profile: fields["profile"] ?? "default",
            host: fields["api"] ?? "", kind: fields["api kind"].flatMap(TranscriptHeader.APIKind.init(rawValue:)),
            seeded: fields["simulator seeded"].flatMap(TranscriptClock.micros(iso:)), phoneNumberID: fields["phone number id"].flatMap { $0 == "none" ? nil : $0 },
            keepPII: fields["personal data"] == "kept", output: fields["output"].flatMap(OutputMode.init(rawValue:)),
            sources: fields["sources"].map(TranscriptHeader.sources(in:)) ?? [:], lastWebhookID: fields["last webhook id"],
            lastMessageID: fields["last message id"], lastConversationID: fields["last conversation id"])
        self.commands = commands
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
