internal import Foundation

/// Which recording a bundle holds: the one running, else the last one `record stop` ended (probe33 P33-7: a bundle
/// made after `record stop` said "No session was being recorded" and left the recording out).
extension BundleCommand {
    /// The recording the bundle holds with its text, or nil and, for a stopped recording it cannot hold, why (said in
    /// the bundle and in the line that reports it). A running recording whose personal data does not match
    /// `--keep-pii` is refused as before: 'record stop' first is the way to a bundle of the diagnostics only.
    static func includedRecording(running: TranscriptRecorder?, stopped: TranscriptRecorder?, keepPII: Bool)
        throws(ScriptError) -> (recorder: TranscriptRecorder?, text: String?, leftOut: String?)
    {
        if let running {
            // A bundle is pasted into a support ticket: personal data in it is the user's explicit choice, never
            // inherited silently from a recording kept in clear for the team's own use (probe22 P22-19). The copied
            // blocks are written as recorded, so the bundle keeps personal data exactly when the recording does.
            guard running.header.keepPII == keepPII else {
                throw .recording(
                    running.header.keepPII
                        ? "bundle: this recording keeps personal data in clear (record --keep-pii) and a bundle is for a "
                            + "support ticket; add --keep-pii to include it as recorded, or 'record stop' first for a masked "
                            + "bundle of the diagnostics only"
                        : "bundle: --keep-pii, but this recording masks personal data, so the bundle of it does too; leave "
                            + "out --keep-pii, or 'record stop' first for a bundle of the diagnostics in clear")
            }
            return (running, recordedText(running), nil)
        }
        guard let stopped else { return (nil, nil, nil) }
        let name = name(of: stopped)
        guard stopped.header.keepPII == keepPII else {
            return (
                nil, nil,
                stopped.header.keepPII
                    ? "\(name) keeps personal data in clear (record --keep-pii) and this bundle masks it; add --keep-pii "
                        + "to include it as recorded"
                    : "\(name) masks personal data and this bundle keeps it in clear (--keep-pii); leave out --keep-pii "
                        + "to include it"
            )
        }
        guard !stopped.replaced, let text = recordedText(stopped) else {
            return (nil, nil, "\(name) can no longer be read (moved or deleted since 'record stop')")
        }
        return (stopped, text, nil)
    }

    /// The one line for `bundle FILE` naming a recording this session stopped, or its restore file.
    static func stoppedFileRefusal(_ stopped: TranscriptRecorder, path: String) -> String {
        let transcript = name(of: stopped)
        let what = TranscriptFile.isSameFile(path, transcript) || TranscriptRecorder.absolute(path) == TranscriptRecorder.absolute(transcript)
            ? "the transcript this session recorded" : "the restore file of the transcript this session recorded (\(transcript))"
        return "bundle: '\(path)' is \(what), which a bundle must not replace, even with --force; name another file for the "
            + "bundle, or leave out the name"
    }

    /// What `bundle` says once the file is written: which recording it holds, or why it holds none.
    static func doneLine(path: String, recorded: Bool, stopped: TranscriptRecorder?, leftOut: String?, context: ShellContext)
        -> String
    {
        let check = " (check it with '\(context.kopsCommand) check \(PosixWord.quoted(path))')"
        if let stopped, recorded { return "wrote support bundle \(path) with the stopped recording \(name(of: stopped))" + check }
        if recorded { return "wrote support bundle \(path)" + check }
        if let leftOut { return "wrote support bundle \(path) without the session's recording: \(leftOut)" }
        // How to make one that holds what the user did, with the launch flags it needs (session 33: a bare "wrote support
        // bundle b.md" after `kops --demo bundle b.md` said neither that nothing was recorded nor how to start).
        let start = context.isInteractive ? "" : "start the shell with '\(context.kopsCommand)', "
        return "wrote support bundle \(path) without a session transcript (nothing was being recorded); to include what you "
            + "did, \(start)run 'record FILE.md', reproduce the problem, then 'bundle'"
    }

    /// The recording's file as `record` was given it (`.memory`: "the recording").
    private static func name(of recorder: TranscriptRecorder) -> String {
        if case .file(let path) = recorder.destination { return path }
        return "the recording"
    }
}
