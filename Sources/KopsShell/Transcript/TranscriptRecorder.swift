internal import Foundation
public import KapsoClient
internal import KapsoDiagnostics

/// Records a session as Markdown: a header, then one ```` ```kops ```` block per command line with the
/// prompt, the line and its output (stdout and stderr interleaved, errors included).
///
/// A block whose output holds a line that starts with backticks gets a longer fence (`TranscriptFence`), so that line
/// cannot close it: the block is written as it goes with the 3-backtick fence, and when it ends with such a line in
/// it, it is written again from its opening fence (the file is cut there and appended to).
///
/// Results are rendered for the page, not the terminal: tables at full width whatever the terminal's
/// width, personal data masked in each cell before the columns are measured (unless the header says it
/// is kept), secrets redacted by the shell and signature headers masked here. On a simulator whose clock
/// the context can read, each block follows a `<!-- clock: … -->` line, and the API's live base URL is
/// written as the header's host, so `kops check` replays it. Command lines that masking changed are kept
/// as typed in a private restore file beside the transcript (`FILE.md.restore`, mode 0600), their secrets redacted as
/// on the page: no file keeps a secret (probe24 P24-1 undid probe16 P16-2's kept `?token=`). A file is
/// appended to and closed after every write, so nothing recorded is lost if kops dies; a write that fails (a full
/// disk) ends the file's writing and is kept in `writeFailure` for the shell to say.
public final class TranscriptRecorder: OutputSink {
    /// Where the Markdown goes.
    public enum Destination: Sendable, Equatable {
        case file(String)
        /// Kept in `text` only (golden tests, `kops check`).
        case memory
    }

    /// What to do when the file exists: `record FILE` refuses, `--append` continues it, `--force` replaces it.
    public enum Opening: Sendable, Equatable {
        case create, append, replace
    }

    /// The fence of a block whose output holds no line that starts with backticks (`TranscriptFence`).
    public static let fence = "```"
    public static let info = "kops"

    public let destination: Destination
    public let header: TranscriptHeader
    /// Everything written so far, header included (`.memory` only).
    public internal(set) var text = ""
    /// Masked command line → the lines as typed, for the restore file.
    public internal(set) var restore = TranscriptRestore()
    /// How many blocks so far open with each command line as the page shows it.
    var occurrences: [String: Int] = [:]
    /// Supplies the last result's JSON, from which contact names and bodies are learned.
    public var results: () -> JSONValue? = { nil }
    /// The business's numbers known so far (labels of cached phone numbers, `+1 415-555-0100 Support Line`).
    public var ownNumbers: () -> [String] = { [] }
    /// The project's phone-number ids seen this session: never masked as bare numbers.
    public var ownIDs: () -> [String] = { [] }
    /// The simulator's clock in Unix microseconds, read as each block opens; nil off a simulator.
    public var clock: (() -> Int64)?
    /// The API's live base URL, written as the header's host (`http://127.0.0.1:41234` → `http://kapso-demo`).
    public var liveBaseURL: String?
    /// True for the recorder `kops check` replays into: `record` lines it replays leave it alone.
    public var isReplay = false
    /// True while the blocks written are a snapshot `kops check` keeps as recorded (`TranscriptParser.snapshotLine`).
    public var snapshot = false
    /// True for a part `record --append` added in the session that recorded the file before (`init`'s `sameSession`).
    let continuesSession: Bool
    /// The file's length in bytes when this recorder stopped writing it (`releaseFile`), nil before.
    var stoppedLength: Int?
    /// Set by `kops check` for the next block only: it is written without a clock line, because the file's clock line
    /// for it is already written above a note (`TranscriptParser.Entry.clockInLead`), or the file had none for it, and
    /// a clock line the recording did not write is never added (probe41 P41-4).
    var omitClock = false
    /// Set by `kops check` for the next block only: false when the file has no blank line after it (`Entry.separated`).
    var blankAfterBlock = true
    /// Set by `kops check` for the next block only: its prompt line as the file writes it, written instead of kops's
    /// own when the two read alike (`lookAlike(_:prompt:shown:)`).
    var pageOpening: String?
    /// The aliases so far (nil with `--keep-pii`).
    public internal(set) var masker: PIIMasker?
    /// The file written for a `.file` destination: its path, or the file a link there points to.
    private(set) var file: String?
    /// Why the file (or its restore file) could not be written, from the first write that failed ("no space left on
    /// device"): the file ends there, possibly part-way through a block, and nothing more is written to it (a later
    /// write that succeeded would leave a gap nobody sees). Nil while every write succeeded (probe16 P16-5).
    public internal(set) var writeFailure: String?
    /// The device and inode of `file` as this recorder made or opened it (`TranscriptRecorder+Ownership`).
    var fileIdentity: FileIdentity?
    /// The advisory lock on `file` while this session records to it (`TranscriptLock`), released by `releaseFile`.
    var lock: TranscriptLock?
    /// True once `file` was found replaced by another file (another kops's `record --force`): nothing more is written.
    public internal(set) var replaced = false
    /// With `replaced`: no file is at the path any more (moved or deleted), rather than another file.
    public internal(set) var moved = false
    /// True when the file continued (`record --append`) has CRLF line ends (its first line ends so, as `kops check
    /// --update` reads a file's form): every line written to it ends so too (`fileBytes`).
    var crlf = false
    /// Token-shaped words typed on recorded lines (`TranscriptRecorder+TypedTokens`).
    var typedTokens = TypedTokens()
    var depth = 0
    var skipping = false
    /// The open block as written so far, from its opening fence line on: `end` reads it for the block's fence and
    /// writes it again when that fence is longer than the one written.
    var openBlock: String?

    /// Starts a transcript with its header (`.append` to a kops transcript continues it without one).
    /// Personal data is masked unless the header says it is kept.
    ///
    /// Throws `ScriptError.transcriptExists` for an existing file opened with `.create`,
    /// `.notATranscript` for `.append` to a file that is not a kops transcript, `.unwritableTranscript`.
    ///
    /// `preamble` replaces the header's Markdown (a bundle's facts, `kops check` keeping the file's own);
    /// `masker` continues another recorder's aliases (a bundle after the session it holds).
    ///
    /// `sameSession` with `.append`: this session recorded the file and stopped (`continues(_:)`), `masker` being that
    /// recording's: its part is marked as the same session's and keeps its aliases (probe42 P42-10).
    public init(
        header: TranscriptHeader, destination: Destination, opening: Opening = .create, preamble: String? = nil,
        masker: PIIMasker? = nil, sameSession: Bool = false
    ) throws(ScriptError) {
        self.destination = destination
        continuesSession = sameSession && opening == .append
        let masker = header.keepPII ? nil : masker ?? PIIMasker()
        if let masker, masker.valueSalt == nil { masker.valueSalt = PIIMasker.newSalt() }
        var header = header
        // The last message id (a WAMID) is masked on the page before anything else is, so it is `<message 1>` here and
        // in the replay, which learns it first too (`TranscriptChecker.replay`); as typed in the restore file. Only in
        // a header this recorder writes (not a part `--append` adds, nor a bundle's or check's own preamble).
        if preamble == nil, opening != .append, let masker, let id = header.lastMessageID, !PIIMasker.isMasked(id) {
            let shown = masker.mask(id)
            header.lastMessageID = shown
            if shown != id { restore.keep(id, for: TranscriptHeader.restoreKey(lastMessageID: shown), occurrence: 0) }
        }
        self.header = header
        self.masker = masker
        guard case .file(let path) = destination else {
            append(preamble ?? header.markdown)
            return
        }
        // A link is followed deliberately (a dangling one too): its target is what is created, appended to or
        // replaced, and the link stays (`TranscriptFile`).
        let target = try TranscriptFile.target(of: path)
        try Self.checkNameLength(path: path, target: target, restore: !header.keepPII)
        if let owner = TranscriptRestore.transcript(owning: target) ?? TranscriptRestore.transcript(owning: path) {
            throw .unwritableTranscript(
                path: path,
                reason: "it is where the private restore file of '\(owner)' is kept (its command lines as typed, which "
                    + "'kops check' needs), even with --force; name another file")
        }
        file = target
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isFolder)
        if exists && isFolder.boolValue { throw .unwritableTranscript(path: path, reason: "it is a folder") }
        if exists && opening == .create { throw .transcriptExists(path: path) }
        // `--force` replaces a transcript (or bundle), never a script or notes of that name (AB5); an empty file holds
        // nothing to lose.
        if exists && opening == .replace, let text = FileManager.default.contents(atPath: target), !text.isEmpty,
            !TranscriptParser.isTranscript(String(decoding: text, as: UTF8.self))
        {
            throw .notReplaced(path: path)
        }
        // Another session recording to it (probe38 P38-7) is refused before anything is read or written.
        if exists { lock = try TranscriptLock.take(target, path: path) }
        let restoreFile = header.keepPII
            ? nil : try Self.restoreFile(besides: path, continuing: exists && opening == .append, replacing: opening == .replace)
        if exists && opening == .append {
            try continueTranscript(at: path, target: target, restoreFile: restoreFile)
            return
        }
        try startFile(
            at: path, target: target, replacing: exists, opening: Array((preamble ?? header.markdown).utf8), restoreFile: restoreFile)
        // The file made (or put in the place of the one locked above) is this session's until `record stop`.
        lock = (try? TranscriptLock.take(target, path: path)) ?? nil
    }

    /// Ends this recorder's hold on its file (`record stop`, a recording whose file failed): another session may record
    /// to it from now on.
    public func releaseFile() {
        lock?.release()
        lock = nil
        if let file, writeFailure == nil, let size = try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int {
            stoppedLength = size
        }
    }

    /// True when `path` is the file this recorder wrote and stopped writing (`releaseFile`), still as it left it: the
    /// same file, of the same length, nothing appended by another session since. `record FILE --append` of this session
    /// then continues this recording's aliases (probe42 P42-10).
    public func continues(_ path: String) -> Bool {
        guard let file, let stoppedLength, owns(path), let identity = fileIdentity, FileIdentity(path: file) == identity,
            let size = try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
        else { return false }
        return size == stoppedLength
    }

    /// The restore file beside a transcript about to be recorded (masked) at `path`, checked before anything is
    /// written: nil when there is none, else its lines. Refused where recording would overwrite a file the user keeps
    /// (probe9 P9-7: `record NEW.md` replaced another transcript's `NEW.md.restore`, also through a link): a file kops
    /// did not write, always; another transcript's restore file unless `continuing` that transcript (`--append`) or
    /// `replacing` it (`--force`).
    ///
    /// Throws `ScriptError.notARestore`, `.restoreExists`, or `.unwritableTranscript` as `TranscriptFile.target` does.
    private static func restoreFile(besides path: String, continuing: Bool, replacing: Bool) throws(ScriptError)
        -> TranscriptRestore?
    {
        let restorePath = TranscriptRestore.path(besides: path)
        let target: String
        do {
            target = try TranscriptFile.target(of: restorePath)
        } catch .unwritableTranscript(_, let reason) {
            // Said of the restore file, not as if it were the transcript (probe38 P38-15); its own fix is not this one.
            throw .unusableRestore(path: path, restorePath: restorePath, reason: String(reason.prefix { $0 != ";" }))
        }
        guard FileManager.default.fileExists(atPath: target) else { return nil }
        guard let lines = TranscriptRestore.load(besides: path) else { throw .notARestore(path: restorePath) }
        if !continuing && !replacing { throw .restoreExists(path: restorePath) }
        return lines
    }

    /// A recorder wired to a shell's context: its results, its API's base URL and its simulator clock.
    public convenience init(
        header: TranscriptHeader, destination: Destination, opening: Opening = .create, preamble: String? = nil,
        masker: PIIMasker? = nil, sameSession: Bool = false, context: ShellContext
    ) throws(ScriptError) {
        try self.init(
            header: header, destination: destination, opening: opening, preamble: preamble, masker: masker,
            sameSession: sameSession)
        results = { [weak context] in context?.lastResult?.json }
        ownNumbers = { [weak context] in
            guard let ids = context?.ids else { return [] }
            return ids[.phoneNumber].compactMap { ids.labels[$0] }
        }
        ownIDs = { [weak context] in context?.ids[.phoneNumber] ?? [] }
        liveBaseURL = context.client.baseURL
        clock = context.simulatorClock
        guardBlock = { [weak context] in context?.guardTranscriptBlock($0) }
        generatedSecrets = { [weak context] in context?.generatedSecrets ?? [] }
    }

    /// Secrets kops generated this session (`ShellContext.generatedSecrets`): their masked forms lose their tail on the
    /// page (`whsec_…67` → `whsec_…`), as a replay generates another secret and would never match (probe18 P18-3).
    public var generatedSecrets: () -> [String] = { [] }

    /// Told the file and closing text of each block as it opens, and nil as it closes (`ShellContext.guardTranscriptBlock`).
    public var guardBlock: ((path: String, closing: String)?) -> Void = { _ in }

    /// A command line starts: opens a block (lines run by `source` go into the block of the `source` line).
    /// `record` lines are left out.
    ///
    /// `line` is the line redacted for the page; `typed`, when given, the line the restore file may keep instead
    /// (secrets redacted all the same), which it keeps
    /// when the page shows it otherwise, as it keeps lines that masking changed.
    public func begin(prompt: String, line: String, typed: String? = nil) {
        depth += 1
        learnTypedTokens(in: line)
        if let typed { learnTypedTokens(in: typed) }
        let typed = typed.map(redactingTypedTokens)
        let line = redactingTypedTokens(line)
        guard depth == 1 else {
            open()
            if !skipping { append(prompt + maskLine(line) + "\n") }
            return
        }
        skipping = TranscriptRecorder.unrecorded.contains(TranscriptRecorder.commandName(of: line) ?? "")
        let withoutClock = omitClock
        omitClock = false
        guard !skipping else { return }
        let clockLine = (snapshot ? TranscriptParser.snapshotLine + "\n" : "")
            + (withoutClock ? "" : clock.map { TranscriptClock.line($0()) + "\n" } ?? "")
        pending = (clockLine, prompt, line, typed ?? line)
        // `use NUMBER` names one of the business's own numbers, which its result teaches the masker: its
        // line is written with its first output, so a listed number is not masked (other lines at once).
        if TranscriptRecorder.commandName(of: line) != "use" { open() }
    }


    /// The prompt line of the last block opened, as shown, the line it masks, and where it starts in `text` (UTF-8).
    var openedLine: (prompt: String, shown: String, line: String, offset: Int)?

    /// A block whose opening line waits for the command's first output (`use`).
    var pending: (clockLine: String, prompt: String, line: String, typed: String)?

    /// Writes the pending block's opening: clock, fence and the masked line.
    func open() {
        guard let (clockLine, prompt, line, typed) = pending else { return }
        pending = nil
        let masked = maskLine(line)
        // `kops check` replaying a line the restore file gave: the block shows it as the file does when it masks to it
        // but for whitespace an editor changed (probe22 P22-12), as recorded.
        let shown = pageLine.flatMap { TranscriptRestore.normalizedKey($0) == TranscriptRestore.normalizedKey(masked) ? $0 : nil }
            ?? masked
        pageLine = nil
        // As the file writes it when the two read alike (`kops check`).
        let page = pageOpening.flatMap { Self.lookAlike($0, prompt: prompt, shown: shown) }
        pageOpening = nil
        let occurrence = occurrences[shown, default: 0]
        occurrences[shown] = occurrence + 1
        // With `--keep-pii` nothing is written beside the transcript: the URL's credentials are not kept either.
        keep(masker == nil ? line : typed, as: shown, occurrence: occurrence)
        append(clockLine)
        openBlock = ""
        let fenceLine = TranscriptRecorder.fence + TranscriptRecorder.info + "\n"
        let written = page ?? (prompt: prompt, command: shown)
        openedLine = (written.prompt, shown, line, text.utf8.count + fenceLine.utf8.count)
        append(fenceLine + written.prompt + written.command + "\n")
        lastPrompt = shown == line && written.command == shown ? (written.prompt, line, text.utf8.count) : nil
        if let file, writeFailure == nil {
            guardBlock((file, String(decoding: fileBytes(TranscriptRecorder.terminatedLine + "\n" + TranscriptRecorder.fence + "\n"), as: UTF8.self)))
        }
    }

    /// The last line of a block whose command was stopped with Ctrl-C when what it printed was not an error (a `trace`

    /// The prompt line of the block just opened while nothing else followed it, and the length of `text` then: a line
    /// masking left as typed, which `completeLine(with:)` may rewrite.
    var lastPrompt: (prompt: String, line: String, textCount: Int)?


    /// The command line running was stopped with Ctrl-C: its block ends with `interruptedLine`.
    public func markInterrupted() {
        guard depth == 1, !skipping else { return }
        open()
        append(TranscriptRecorder.interruptedLine + "\n")
    }

    /// The command line finished: closes its block.
    public func end() {
        guard depth > 0 else { return }
        depth -= 1
        if depth == 0 {
            open()
            // Forgotten before the fence is written: a signal between the two leaves the block open, never a stray fence.
            guardBlock(nil)
            if !skipping { append(closingFence() + (blankAfterBlock ? "\n\n" : "\n")) }
            (skipping, blankAfterBlock) = (false, true)
            keepValueHashes()
        }
    }

    /// The open block's closing fence: ```` ``` ````, or a longer one when its output holds a line that starts with
    /// backticks, its opening fence then written again to match (probe: a "```" line in a message or a template body
    /// closed the block early, and the transcript did not replay).
    private func closingFence() -> String {
        guard let block = openBlock else { return TranscriptRecorder.fence }
        openBlock = nil
        let opening = TranscriptRecorder.fence + TranscriptRecorder.info + "\n"
        guard block.hasPrefix(opening) else { return TranscriptRecorder.fence }
        let fence = TranscriptFence.fence(around: block.dropFirst(opening.count))
        guard fence != TranscriptRecorder.fence else { return fence }
        let rewritten = fence + block.dropFirst(TranscriptRecorder.fence.count)
        if destination == .memory {
            guard text.hasSuffix(block) else { return TranscriptRecorder.fence }
            text = String(text.dropLast(block.count)) + rewritten
        }
        if let file, stillOwnsFile() {
            // Only when the file still ends with the block as written (nothing else wrote to it).
            let written = fileBytes(block)
            guard let end = TranscriptFile.endsWith(written, path: file) else { return TranscriptRecorder.fence }
            writeFailure = TranscriptFile.truncate(file, to: end - written.count) ?? TranscriptFile.append(fileBytes(rewritten), to: file)
        }
        return fence
    }


    /// The prompt line the next block shows when its masked line differs from it in whitespace only (`kops check`).
    var pageLine: String?


    func append(_ chunk: String) {
        lastPrompt = nil
        openBlock? += chunk
        if destination == .memory { text += chunk }
        guard let file, stillOwnsFile() else { return }
        writeFailure = TranscriptFile.append(fileBytes(chunk), to: file)
    }

    /// `text` (LF lines, as the recorder writes them) as bytes of the file: its LFs as CRLF in a file whose lines end so
    /// (`crlf`), so a transcript saved with CRLF and continued with `record --append` keeps one line end (probe36 P36-11:
    /// the appended part's lines ended in LF alone).
    func fileBytes(_ text: String) -> [UInt8] {
        guard crlf, text.utf8.contains(UInt8(ascii: "\n")) else { return Array(text.utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        var last: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), last != UInt8(ascii: "\r") { bytes.append(UInt8(ascii: "\r")) }
            bytes.append(byte)
            last = byte
        }
        return bytes
    }
}
