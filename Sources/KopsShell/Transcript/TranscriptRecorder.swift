internal import Foundation
public import KapsoClient

/// Records a session as Markdown: a header, then one ```` ```kops ```` block per command line with the
/// prompt, the line and its output (stdout and stderr interleaved, errors included).
///
/// Receives text already redacted by the shell; masks signature headers too, and personal data unless
/// the header says it is kept. A file is
/// appended to and closed after every write, so nothing recorded is lost if kops dies.
public final class TranscriptRecorder: OutputSink {
    /// Where the Markdown goes.
    public enum Destination: Sendable, Equatable {
        case file(String)
        /// Kept in `text` only (golden tests, `kops check`).
        case memory
    }

    public static let fence = "```"
    public static let info = "kops"

    public let destination: Destination
    /// Everything written so far, header included (`.memory` only).
    public private(set) var text = ""
    /// Supplies the last result's JSON, from which contact names and bodies are learned.
    public var results: () -> JSONValue? = { nil }
    private let masker: PIIMasker?
    private var depth = 0
    private var skipping = false

    /// Starts a transcript with its header; a file is created or truncated. Personal data is masked
    /// unless the header says it is kept.
    public init(header: TranscriptHeader, destination: Destination) throws(ScriptError) {
        self.destination = destination
        masker = header.keepPII ? nil : PIIMasker()
        if case .file(let path) = destination {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw .unwritableTranscript(path: path, reason: "it cannot be created")
            }
        }
        append(header.markdown)
    }

    /// A command line starts: opens a block (lines run by `source` go into the block of the `source` line).
    /// `record` lines are left out.
    public func begin(prompt: String, line: String) {
        depth += 1
        guard depth == 1 else {
            if !skipping { append(mask(prompt + line) + "\n") }
            return
        }
        skipping = line.split(separator: " ").first.map { $0 == "record" } ?? false
        if !skipping { append(TranscriptRecorder.fence + TranscriptRecorder.info + "\n" + mask(prompt + line) + "\n") }
    }

    /// The command line finished: closes its block.
    public func end() {
        guard depth > 0 else { return }
        depth -= 1
        if depth == 0 {
            if !skipping { append(TranscriptRecorder.fence + "\n\n") }
            skipping = false
        }
    }

    public func write(_ text: String, to stream: OutputStream) {
        guard depth > 0, !skipping else { return }
        masker?.learn(from: results())
        append(mask(TranscriptRecorder.removingEscapes(text)))
    }

    /// Text without ANSI escape sequences (colours on a terminal), so transcripts stay plain Markdown.
    static func removingEscapes(_ text: String) -> String {
        guard text.contains("\u{1B}") else { return text }
        var result = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\u{1B}" else {
                result.unicodeScalars.append(scalar)
                continue
            }
            // CSI: ESC [ parameters... final byte in @...~
            guard scalars.next() == "[" else { continue }
            while let next = scalars.next(), !(0x40...0x7E).contains(next.value) {}
        }
        return result
    }

    /// Appends a block as recorded before (`kops check` keeps blocks it cannot replay).
    public func copy(_ block: String) {
        append(block)
    }

    private func mask(_ text: String) -> String {
        let masked = Redactor.maskHeaders(text, signatures: true)
        return masker?.mask(masked) ?? masked
    }

    private func append(_ chunk: String) {
        if destination == .memory { text += chunk }
        guard case .file(let path) = destination, let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(chunk.utf8))
    }
}
