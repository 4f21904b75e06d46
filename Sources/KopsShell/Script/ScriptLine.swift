/// One logical line of a `.kops` script, e.g. `webhooks \` + `  --scope project` → `webhooks --scope project`
/// at line 1.
///
/// Comment lines and blank lines are dropped; `#! error` lines become markers saying the next command
/// must fail.
public struct ScriptLine: Sendable, Equatable {
    /// What a line holds.
    public enum Kind: Sendable, Equatable {
        /// A command line, continuations joined.
        case command(String)
        /// `#! error`: the next command must fail.
        case expectFailure
        /// A line that starts with `#!` but is not `#! error` (`#!error`, `#! eror`; a shebang on line 1 aside): a marker
        /// misspelt, which `ScriptCheck` names before line 1 runs instead of reading it as a comment (probe22 P22-24).
        case unknownMarker(String)
    }

    public var kind: Kind
    /// The 1-based number of the line where it starts.
    public var number: Int
    /// The command's last line ends in `\` but the script ends there: half a command (`webhooks test ID \` before
    /// its `--event`), which `ScriptCheck` refuses instead of running (probe24 P24-12).
    public var continuesPastEnd = false

    public init(_ kind: Kind, number: Int) {
        self.kind = kind
        self.number = number
    }

    /// The marker that says the next command must fail.
    public static let errorMarker = "#! error"

    /// What the line at `number` is as a marker: `.expectFailure` for `#! error`, `.unknownMarker` for another line that
    /// starts with `#!`; nil for any other line, and for a shebang on line 1 (`#!/usr/bin/env -S kops run`).
    public static func marker(in line: String, number: Int) -> Kind? {
        let trimmed = line.trimmingWhitespace
        guard trimmed.hasPrefix("#!"), !(number == 1 && trimmed.hasPrefix("#!/")) else { return nil }
        return trimmed == errorMarker ? .expectFailure : .unknownMarker(trimmed)
    }

    /// Splits a script's text into logical lines; a line ending in an unescaped `\` outside a comment continues
    /// on the next (`numbers # see C:\` does not).
    public static func parse(_ source: String) -> [ScriptLine] {
        var result: [ScriptLine] = []
        var pending: (text: String, number: Int)?
        // "\r\n" is one Character in Swift, so splitting on "\n" alone ran a CRLF script as one line.
        let lines = source.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        for (offset, raw) in lines.enumerated() {
            // The empty piece after the last line's newline is no line: a `\` before it leaves the command unfinished.
            if offset == lines.count - 1 && raw.isEmpty && offset > 0 { break }
            let text = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let number = offset + 1
            let trimmed = text.trimmingWhitespace
            if let marker = marker(in: trimmed, number: number) {
                // A marker after a continued line still marks the next command; it never joins the line above.
                if let done = pending { result.append(ScriptLine(.command(done.text), number: done.number)) }
                pending = nil
                result.append(ScriptLine(marker, number: number))
                continue
            }
            if pending == nil && (trimmed.isEmpty || trimmed.hasPrefix("#")) { continue }
            let joined = pending.map { $0.text + " " + trimmed } ?? trimmed
            // A `\` inside a comment is part of the comment, which ends at the newline, as in `sh`.
            let continues = endsWithContinuation(text) && !Lexer.hasComment(joined)
            pending = (continues ? joined.dropLast().trimmingWhitespace : joined, pending?.number ?? number)
            if !continues, let done = pending {
                result.append(ScriptLine(.command(done.text), number: done.number))
                pending = nil
            }
        }
        if let done = pending, !done.text.isEmpty {
            var last = ScriptLine(.command(done.text), number: done.number)
            last.continuesPastEnd = true
            result.append(last)
        }
        return result
    }

    /// The `;`-separated commands of a `kops -c` argument, numbered 1, 2, ... in order, as raw text (quotes and
    /// `${...}` kept for the runner), e.g. `numbers; reply "a; b"` → `numbers` at 1, `reply "a; b"` at 2.
    ///
    /// `;` and newlines inside quotes or after a backslash do not split; `#` at a word's start comments out the rest of
    /// the line, `;` included. The comment stays on its command, as on a line typed at the prompt: the lexer drops it
    /// there, names a word it cut off (`whois #100200300400501`, P29-19) and a recording keeps it as typed.
    public static func commands(in text: String) -> [ScriptLine] { commands(in: [text]) }

    /// The commands of several `-c` values in order, numbered across them (`-c 'a; b' -c c` → lines 1, 2, 3).
    public static func commands(in texts: [String]) -> [ScriptLine] {
        texts.flatMap(pieces(in:)).map(\.trimmingWhitespace).filter { !$0.isEmpty }.enumerated().map {
            ScriptLine(.command($0.element), number: $0.offset + 1)
        }
    }

    /// `text` cut at each `;` and newline outside quotes and comments; a comment is kept on its piece (the line's end).
    private static func pieces(in text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var quote: Character?
        var escaped = false
        var comment = false
        for character in text {
            if comment {
                // Kept for the shell, which reads it as the prompt does (session 33: `-c` dropped it first, so a word
                // a `#` cut off was never named and `-c 'record t.md; numbers # note'` recorded `numbers`).
                guard character == "\n" else {
                    current.append(character)
                    continue
                }
                comment = false
            }
            if escaped {
                escaped = false
                // `\` before a newline continues the command, as in a script: the two become a space.
                if character == "\n" || character == "\r\n" {
                    current.removeLast()
                    current.append(" ")
                    continue
                }
                current.append(character)
                continue
            }
            switch character {
            case "\\" where quote != "'":
                escaped = true
                current.append(character)
            case "'", "\"":
                if quote == nil { quote = character } else if quote == character { quote = nil }
                current.append(character)
            case ";" where quote == nil, "\n" where quote == nil:
                pieces.append(current)
                current = ""
            case "#" where quote == nil && (current.last?.isWhitespace ?? true):
                comment = true
                current.append(character)
            default:
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }

    /// True when `line` continues on the next: it ends in an unescaped `\` that is not inside a comment, as in `sh`
    /// (`numbers # see C:\` ends at the newline; the comment would otherwise swallow the next command).
    public static func continues(_ line: String) -> Bool {
        endsWithContinuation(line) && !Lexer.hasComment(line)
    }

    /// True when the line ends in an odd number of backslashes (an even number are escaped backslashes).
    private static func endsWithContinuation(_ text: some StringProtocol) -> Bool {
        text.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (`Character.isWhitespace`: spaces, tabs, line breaks, and
    /// Unicode spaces such as U+00A0 and U+3000).
    ///
    /// Read as bytes first (`asciiTrimmed`): the `Character` reading instantiates the metadata of its reversed slices
    /// at its first call, 1.56 M of the 23.8 M instructions `kops -c numbers` counted (docs/performance.md, "Session
    /// 11").
    var trimmingWhitespace: String {
        if let trimmed = utf8.withContiguousStorageIfAvailable(asciiTrimmed), let trimmed { return trimmed }
        return characterTrimmed
    }

    /// The `Character` reading of `trimmingWhitespace`, for any text.
    var characterTrimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

/// `bytes` (UTF-8) without leading and trailing ASCII whitespace (tab to CR and space), when that is what the
/// `Character` reading gives: nil when a byte past ASCII starts or ends what is left (only then can a Unicode space
/// be trimmed too, or a combining mark join a space to what follows). A space before an ASCII byte is a `Character`
/// of its own (CR LF, both whitespace, is one), and a Prepend scalar, the one kind that joins what follows it, is
/// not ASCII. `TrimmingFastPathTests` checks it against `characterTrimmed`.
private func asciiTrimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var start = 0
    var end = bytes.count
    while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
    while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
    guard start < end else { return "" }
    guard bytes[start] < 0x80, bytes[end - 1] < 0x80 else { return nil }
    return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
}

/// Tab to carriage return and space: the ASCII scalars whose `properties.isWhitespace` is true.
@inline(__always)
func isASCIIWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (0x09...0x0D).contains(byte)
}
