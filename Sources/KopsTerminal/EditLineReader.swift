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
    private let utf8: Bool
    /// Started when a line is handed to the shell, stopped when the next prompt is due.
    public var progress: ProgressIndicator?

    /// - Parameters:
    ///   - history: the history file; nil keeps history in memory only.
    ///   - completions: candidates for the word being completed, given the line before the cursor.
    public init(history: HistoryFile?, completions: @escaping (_ lineBeforeCursor: String) -> [String]) {
        self.history = history
        // libedit reads multibyte input and prompts (the prompt's "…") only under a UTF-8 locale;
        // in the C locale it crashes on them, so the prompt is then written in ASCII.
        setlocale(LC_CTYPE, "")
        utf8 = String(cString: nl_langinfo(nl_item(CODESET))).uppercased().filter { $0 != "-" } == "UTF8"
        completionSource = completions
        kops_rl_setup("kops", completeWithSwift)
        kops_rl_use_stderr_for_output()
        using_history()
        stifle_history(Int32(history?.limit ?? 1000))
        for line in history?.load() ?? [] { add_history(line) }
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
        progress?.begin()
        return .line(String(cString: raw))
    }

    /// Replaces the in-memory history with another file's (after `profile use`).
    public func switchHistory(to file: HistoryFile?) {
        clear_history()
        history = file
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
        if let notice { FileDescriptor.standardError.write(notice + "\n") }
        if save { history.append(line) }
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
