internal import Foundation
internal import KapsoClient

/// `record [FILE.md] [--keep-pii]`, `record stop`: records the session as a Markdown transcript.
public enum RecordCommand: ScriptCommand {
    public static let name = "record"
    public static let summary = "record the session as a Markdown transcript to share (secrets redacted)"
    public static let sendsRequests = false
    public static let usage = "record [FILE.md] [--keep-pii] | record stop"
    public static let details = """
        Each command line and its output (errors included) is appended as a ```kops block and saved
        after every command. Secrets are always redacted; phone numbers, contact names and message
        bodies are masked unless --keep-pii. 'kops check FILE.md' replays a transcript.
        Examples:
          record ticket-4411.md
          record stop
        """
    public static let maxArguments: Int? = 1
    public static let flags = [FlagSpec("--keep-pii", help: "keep phone numbers, contact names and message bodies")]

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        guard let shell = context.shell else { return CommandResult() }
        if arguments.positionals.first == "stop" {
            guard let recorder = shell.recorder else {
                throw ScriptError.recording("not recording; start with 'record FILE.md'")
            }
            shell.recorder = nil
            return CommandResult(blocks: [.hint("stopped recording" + location(recorder.destination))])
        }
        if let recorder = shell.recorder {
            throw ScriptError.recording(
                "already recording" + location(recorder.destination) + "; run 'record stop' first")
        }
        let path = arguments.positionals.first ?? defaultPath()
        let header = TranscriptHeader(
            session: context.session, host: context.client.host, keepPII: arguments.has("--keep-pii"))
        let recorder = try TranscriptRecorder(header: header, destination: .file(path))
        recorder.results = { [weak context] in context?.lastResult?.json }
        shell.recorder = recorder
        return CommandResult(blocks: [.hint("recording to \(path) (stop with 'record stop')")])
    }

    private static func location(_ destination: TranscriptRecorder.Destination) -> String {
        if case .file(let path) = destination { return " to \(path)" }
        return ""
    }

    /// `kops-20261121-120000.md` in the current folder.
    private static func defaultPath() -> String {
        let stamp = TranscriptHeader.now.filter { $0.isNumber || $0 == "T" }.replacingOccurrences(of: "T", with: "-")
        return "kops-\(stamp).md"
    }
}
