internal import CEditLine
internal import CKopsShims
public import KopsShell

#if canImport(Glibc)
    internal import Glibc
#endif

/// The interactive line editor (libedit's readline API): prompt on stderr, history file, Tab completion.
///
/// Only one exists per process and it is used from the REPL thread only.
public final class EditLineReader: LineReader {
    private var history: HistoryFile?
    /// What reaches the history file, and the one notice when a line does not.
    private var gate = HistoryGate()
    /// The lines the file did not take yet, and the one warning when it does not (`HistorySaving`).
    private var saving = HistorySaving()
    private let utf8: Bool
    /// Started when a line is handed to the shell, stopped when the next prompt is due.
    public var progress: ProgressIndicator?

    /// - Parameters:
    ///   - history: the history file; nil keeps history in memory only.
    ///   - completions: candidates for the word being completed, given the line before the cursor.
    public init(history: HistoryFile?, completions: @escaping (_ lineBeforeCursor: String) -> [String]) {
        self.history = history
        // libedit reads multibyte input and prompts (the prompt's "…") only under a UTF-8 locale; in the C locale it
        // drops every byte above 0x7F that is typed or pasted (`reply` once sent "Olá" as "Ol": probe24 P24-15) and
        // crashes on a multibyte prompt. An ASCII locale (LANG unset, C, POSIX: `docker exec`, cron, minimal images)
        // cannot describe what a terminal sends above 0x7F, and terminals send UTF-8, so the line editor then reads
        // under C.UTF-8 (which Debian's libc ships); the prompt keeps to ASCII, as the user's locale asks. Another
        // 8-bit locale (ISO-8859-1 …) is kept: its bytes reach `readLine`, which refuses a line that is not UTF-8.
        setlocale(LC_CTYPE, "")
        let codeset = EditLineReader.codeset()
        utf8 = codeset == "UTF8"
        if codeset == "ANSIX3.41968" || codeset == "ASCII",
            setlocale(LC_CTYPE, "C.UTF-8") == nil, setlocale(LC_CTYPE, "C.utf8") == nil
        {
            FileDescriptor.standardError.write(EditLineReader.noUTF8Notice + "\n")
        }
        completionSource = completions
        kops_rl_setup("kops", completeWithSwift)
        kops_rl_use_stderr_for_output()
        using_history()
        stifle_history(Int32(history?.limit ?? 1000))
        for line in history?.load() ?? [] { add_history(line) }
    }

    /// Said once at start when neither the user's locale nor C.UTF-8 gives a UTF-8 ctype: libedit then loses every
    /// character outside ASCII that is typed at the prompt (scripts and piped input are read as bytes and keep them).
    static let noUTF8Notice = "note: the locale is not UTF-8 and C.UTF-8 is not installed: characters outside ASCII typed "
        + "at the prompt are lost; export LANG=C.UTF-8 (or any UTF-8 locale) before starting kops"

    /// The ctype locale's character set, upper-cased without dashes ("UTF8", "ANSIX3.41968" for C, "ISO88591").
    private static func codeset() -> String {
        String(cString: nl_langinfo(nl_item(CODESET))).uppercased().filter { $0 != "-" && $0 != "_" }
    }

    public func readLine(prompt: String) -> LineInput {
        let prompt = utf8 ? prompt : String(prompt.map { $0.isASCII ? $0 : "." })
        progress?.end()
        kops_sigint_clear()
        guard let raw = readline(prompt) else {
            if kops_sigint_take() != 0 {
                FileDescriptor.standardError.write("\n")
                return .interrupted
            }
            // Ctrl-D leaves the cursor after the prompt; the shell's next words start on a line of their own.
            FileDescriptor.standardError.write("\n")
            return .endOfInput
        }
        defer { free(raw) }
        if kops_sigint_take() != 0 { return .interrupted }
        // A line that is not UTF-8 is named with its byte and column, as a piped line is, and not run: its text would
        // reach the API with replacement characters, or (under a UTF-8 locale, where libedit dropped the byte) without it.
        let typed = EditLineReader.bytesTyped(Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self), count: strlen(raw))), marked: kops_rl_take_invalid_bytes() > 0)
        let input = LineInput.reading(typed)
        if case .line = input { progress?.begin() }
        return input
    }

    /// The bytes of a line as typed: each byte the reader could not read as a character (`kops_rl_take_invalid_bytes`
    /// counts them; it hands each on as `KOPS_NOT_A_CHARACTER` + the byte) put back in place of its stand-in.
    static func bytesTyped(_ line: [UInt8], marked: Bool) -> [UInt8] {
        guard marked else { return line }
        var bytes: [UInt8] = []
        let base = UInt32(KOPS_NOT_A_CHARACTER)
        for scalar in String(decoding: line, as: UTF8.self).unicodeScalars {
            if (base + 0x80...base + 0xFF).contains(scalar.value) {
                bytes.append(UInt8(scalar.value - base))
            } else {
                bytes.append(contentsOf: Array(String(scalar).utf8))
            }
        }
        return bytes
    }

    /// Replaces the in-memory history with another file's (after `profile use`).
    public func switchHistory(to file: HistoryFile?) {
        clear_history()
        history = file
        // Lines held for the other profile's file are not written into this one's.
        saving = HistorySaving()
        for line in file?.load() ?? [] { add_history(line) }
    }

    /// Drops the history file's entries that hold `secrets` (learned as secrets after their line was kept).
    public func forget(_ secrets: [String]) {
        history?.forget(secrets)
    }

    /// Adds the line to the session's history; lines `HistoryPolicy` refuses (a leading space, secrets) stay out of the file.
    public func remember(_ line: String) {
        remember(line, redactor: nil)
    }

    /// `remember(_:)`; a line `redactor` would change (it holds a secret kops knows) stays out of the file too.
    public func remember(_ line: String, redactor: Redactor) {
        remember(line, redactor: Optional(redactor))
    }

    private func remember(_ line: String, redactor: Redactor?) {
        var line = line
        while line.last?.isWhitespace == true { line.removeLast() }
        add_history(line)
        guard let history else { return }
        let (save, notice) = gate.admit(line, redactor: redactor)
        if let notice { say(notice) }
        if save, let warning = saving.save(line, to: history) { say(warning) }
    }

    /// Takes back `line`, the last one remembered, from the session's history and the history file: a line refused for
    /// the secret it holds is neither recalled nor kept (tester62 AK3).
    public func forget(line: String) {
        var line = line
        while line.last?.isWhitespace == true { line.removeLast() }
        _ = kops_rl_forget_last(line)
        saving.drop(line)
        history?.forgetLast(line)
    }

    /// The history file's trouble was said at start (`warning: history file … is not used: …`): the first line that
    /// does not reach it says nothing more (probe38 P38-8: the same cause was said again at the first line).
    public func historyProblemSaid() {
        saving.markSaid()
    }

    /// Writes a note or warning line to standard error, wrapped at words to its terminal's width as error lines are
    /// (`StandardOutput.fitted`): probe38 P38-9, the history note was cut mid-word (`sec|ret`) at 80 columns.
    private func say(_ line: String) {
        FileDescriptor.standardError.write(StandardOutput.fitted(line + "\n", width: TerminalFacts.currentWidth(of: 2, environment: [:])))
    }
}

/// Set once by `EditLineReader.init`; read by libedit's completion callback on the REPL thread.
nonisolated(unsafe) private var completionSource: ((String) -> [String])?

private let completeWithSwift: kops_completer = { text, start, end in
    guard let text, let source = completionSource else { return nil }
    let line = String(cString: kops_rl_line_buffer())
    let before = String(line.utf8.prefix(Int(end))) ?? line
    let word = String(cString: text)
    let candidates = source(before).filter { $0.hasPrefix(word) }
    guard !candidates.isEmpty else { return nil }
    var pointers = candidates.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    return pointers.withUnsafeMutableBufferPointer { buffer in
        kops_rl_completion_matches(text, buffer.baseAddress, Int32(buffer.count))
    }
}

/// Small writes to a raw descriptor, for the newline after Ctrl-C.
enum FileDescriptor {
    case standardError

    func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}
