/// Replays a transcript's commands on a shell and compares what the recorder writes with the file.
public struct TranscriptChecker {
    /// What a replay found.
    public struct Outcome: Sendable {
        public var commands: Int
        /// The transcript as recorded now, header kept from the original.
        public var actual: String
        /// Empty when nothing changed.
        public var diff: [String]
    }

    public let expected: String

    public init(expected: String) {
        self.expected = expected
    }

    /// Runs each recorded command line in order (failures included: they are part of the output) on
    /// `shell`, which starts with the header's profile and phone number. Commands that change data are
    /// refused unless `allowWrites`; a line whose secret was redacted cannot run, so its block is kept.
    public func replay(on shell: Shell, allowWrites: Bool = false) throws(ScriptError) -> Outcome {
        let parsed = TranscriptParser(expected)
        shell.context.session.profile = parsed.header.profile
        shell.context.session.phoneNumberID = parsed.header.phoneNumberID
        let recorder = try TranscriptRecorder(header: parsed.header, destination: .memory)
        recorder.results = { [weak context = shell.context] in context?.lastResult?.json }
        let saved = (shell.recorder, shell.readOnly)
        (shell.recorder, shell.readOnly) = (recorder, !allowWrites)
        defer { (shell.recorder, shell.readOnly) = saved }
        for entry in parsed.commands {
            if entry.command.contains("<redacted>") {
                recorder.copy(entry.block)
                continue
            }
            shell.run(line: entry.command)
            if shell.context.exitRequested { break }
        }
        return Outcome(
            commands: parsed.commands.count, actual: recorder.text,
            diff: LineDiff.lines(expected: expected, actual: recorder.text))
    }
}
