internal import Foundation
internal import KapsoClient

/// `record [FILE.md] [--keep-pii] [--append|--force]`, `record stop`: records the session as a Markdown transcript.
public enum RecordCommand: ScriptCommand {
    public static let name = "record"
    public static let summary = "record the session as a Markdown transcript to share (secrets redacted)"
    public static let sendsRequests = false
    public static let usage = "record [FILE.md] [--keep-pii] [--append|--force] | record stop"
    public static let details = """
        Each command line and its output (errors included) is appended as a ```kops block and saved
        after every command. Tables are written at full width whatever the terminal's width. Secrets are
        always redacted; contacts' phone numbers, WAMIDs, contact names and message bodies are masked
        unless --keep-pii, and command lines that masking changed are kept in FILE.md.restore (private,
        mode 0600; do not attach it) so 'kops check FILE.md' can replay them. An existing file is never
        overwritten: --append continues a transcript (masked as its header says: add --keep-pii to continue
        one recorded with it), --force replaces the file and its restore file.
        Examples:
          record ticket-4411.md
          record stop
        """
    public static let maxArguments: Int? = 1
    /// In a script, `record FILE.md` writes beside the script (its restore file too); `record stop` names no file.
    public static func filePaths(_ arguments: Arguments) -> (positionals: [Int], flags: [String]) {
        (arguments.positionals.first == "stop" ? [] : [0], [])
    }
    public static let flags = [
        FlagSpec("--keep-pii", help: "keep phone numbers, WAMIDs, contact names and message bodies"),
        FlagSpec("--append", help: "continue an existing transcript"),
        FlagSpec("--force", help: "replace an existing file"),
    ]

    public static func validate(_ arguments: Arguments) throws {
        if let error = misreadWord(arguments.positionals) { throw error }
        if arguments.has("--append") && arguments.has("--force") {
            throw ShellError.invalidValue(
                command: name, what: "flags", value: "--append --force", expected: "one of --append or --force")
        }
    }

    /// The error for `record start [FILE.md]` or another recorder's verb (`off`, `pause`, `status`…), nil for other
    /// words. asciinema's and script's users type them (tester62 AL4): `record start` recorded to a file named `start`,
    /// and `record start FILE.md` blamed the path ("unexpected argument 'FILE.md'").
    public static func misreadWord(_ positionals: [String]) -> ShellError? {
        // The other verbs recorders take (tester63b AO4: `record off` started a recording to a file named `off`).
        let verbs = ["start", "begin", "on", "off", "pause", "resume", "end", "finish", "status"]
        guard let first = positionals.first, verbs.contains(first.lowercased()) else { return nil }
        return .invalidValue(
            command: name, what: "word", value: first,
            expected: "a file name: 'record FILE.md' starts recording ('record' alone writes kops-DATE.md), 'record stop' stops")
    }

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        // `kops check` replays a line such as `explain 131047; record stop` into its own recording.
        guard let shell = context.shell, shell.recorder?.isReplay != true else { return CommandResult() }
        if arguments.positionals.first == "stop" {
            guard let recorder = shell.recorder else {
                throw ScriptError.recording("not recording; start with 'record FILE.md'")
            }
            shell.recorder = nil
            recorder.releaseFile()
            if let failure = recorder.writeFailure, case .file(let path) = recorder.destination {
                throw ScriptError.transcriptIncomplete(path: path, reason: failure)
            }
            shell.stoppedRecordings.append(recorder)
            return CommandResult(blocks: [.hint("stopped recording" + location(recorder.destination))])
        }
        if let recorder = shell.recorder {
            throw ScriptError.recording(
                "already recording" + location(recorder.destination) + "; run 'record stop' first")
        }
        let path = arguments.positionals.first ?? TranscriptFile.defaultName("kops")
        let opening: TranscriptRecorder.Opening =
            arguments.has("--append") ? .append : arguments.has("--force") ? .replace : .create
        var header = TranscriptHeader(context: context, keepPII: arguments.has("--keep-pii"))
        // What later verdicts weigh that the session read before this line: `kops check` reads it again (tester69b D11).
        header.noteEarlierReads(from: context.ids)
        // This session's own recording, stopped and untouched since: continued as this session's, with its aliases, so
        // one message keeps one placeholder (probe42 P42-10: "appended: another session", and `<message 2>` for it).
        let earlier = opening == .append ? shell.stoppedRecordings.last(where: { $0.continues(path) }) : nil
        shell.recorder = try TranscriptRecorder(
            header: header, destination: .file(path), opening: opening, masker: earlier?.masker, sameSession: earlier != nil,
            context: context)
        // A transcript counts the look-ups of its own commands (`errors`: "1 of kops's own look-ups this session"), so
        // `kops check` finds the same count: it starts a session where the transcript (or an appended part) does.
        context.ownLookups.startSession()
        let restore = header.keepPII
            ? "" : "; lines that masking changes are kept for 'kops check' in \(TranscriptFile.described(TranscriptRestore.path(besides: path))) (private: don't attach it)"
        let continued = earlier == nil ? "" : ", continuing this session's recording (the same placeholders)"
        return CommandResult(
            blocks: [.hint("recording to \(TranscriptFile.described(path))\(continued) (stop with 'record stop')\(restore)")])
    }

    private static func location(_ destination: TranscriptRecorder.Destination) -> String {
        if case .file(let path) = destination { return " to \(path)" }
        return ""
    }
}
