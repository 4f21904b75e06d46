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
    }

    /// The line above a block that is a snapshot (`Entry.snapshot`).
    public static let snapshotLine = "<!-- snapshot: made after a session that was not recorded; kops check keeps it as recorded -->"

    /// Text after the last block, kept as written.
    public var trailer = ""

    /// Everything before the first block (the header and any facts under it), as written.
    public static func preamble(of text: String) -> String {
        var lines: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == TranscriptRecorder.fence + TranscriptRecorder.info || TranscriptClock.micros(inLine: line) != nil
                || line == snapshotLine
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

    /// `text` (as the recorder writes it) in the form `original` was saved in: with its byte-order mark and its
    /// CRLF line ends when its first line ends so, so `kops check --update` keeps how an editor saved the file.
    public static func inFileForm(_ text: String, like original: String) -> String {
        let scalars = original.unicodeScalars
        let bom = scalars.first == "\u{FEFF}"
        let firstLine = scalars.prefix { $0 != "\n" }
        let crlf = firstLine.count < scalars.count && firstLine.last == "\r"
        var result = crlf ? text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n") : text
        if bom && result.unicodeScalars.first != "\u{FEFF}" { result = "\u{FEFF}" + result }
        return result
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
        var snapshot = false
        var seenBlock = false
        // After a block's closing fence, its blank line; then any text until the next block is a lead.
        var afterFence = false
        var lead: [Substring] = []
        // "\r\n" is one Character: split on it too, or a CRLF file (or an output line ending in "\r") hides its fences.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, line) in lines.enumerated() {
            if !inBlock {
                if line == TranscriptParser.snapshotLine {
                    snapshot = true
                } else if let micros = TranscriptClock.micros(inLine: line) {
                    clock = micros
                } else if line == TranscriptRecorder.fence + TranscriptRecorder.info {
                    inBlock = true
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
                    lead.append(line)
                }
                continue
            }
            block += line + "\n"
            if line == TranscriptRecorder.fence {
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
                        Entry(line: offset + 1, command: command, block: "", clock: clock, lead: text, snapshot: snapshot))
                    lead = []
                }
                clock = nil
                snapshot = false
            }
        }
        if lead.contains(where: { !$0.isEmpty }) { trailer = lead.map { $0 + "\n" }.joined() }
        header = TranscriptHeader(
            version: fields["kops"] ?? KopsVersion.current, time: fields["recorded"] ?? "",
            profile: fields["profile"] ?? "default",
            host: fields["api"] ?? "", kind: fields["api kind"].flatMap(TranscriptHeader.APIKind.init(rawValue:)),
            seeded: fields["simulator seeded"].flatMap(TranscriptClock.micros(iso:)), phoneNumberID: fields["phone number id"].flatMap { $0 == "none" ? nil : $0 },
            keepPII: fields["personal data"] == "kept")
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
