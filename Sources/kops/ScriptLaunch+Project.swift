import KapsoClient
import KopsShell

extension ScriptLaunch {
    /// For `kops check`: why the transcript `expected` was recorded on another project than the one the shell's key
    /// reaches (`TranscriptChecker.otherProject`, from one `GET /whatsapp/phone_numbers`); nil when it was not, or kops
    /// cannot tell (a page that names no number, or a list that fails: the replay says why). Asked before replaying only
    /// with `--allow-writes`, which it refuses then, before anything is sent; otherwise after a replay whose output
    /// changed, so a check that passes makes no request more (probe42 P42-2).
    ///
    /// Throws `ScriptError.writesToOtherProject`, `.checkInterrupted` when Ctrl-C stops the list (P18-12: nothing written).
    func otherProject(of expected: String, path: String, shell: Shell) throws(ScriptError) -> String? {
        let recorded = TranscriptChecker.recordedNumbers(in: expected)
        guard !recorded.isEmpty else { return nil }
        let presses = shell.context.interruptPresses()
        let project: [String]
        do {
            project = try shell.context.client.allPhoneNumbers().map(\.id)
        } catch {
            if ErrorReport.isCancellation(error) || shell.context.interruptPresses() > presses {
                throw .checkInterrupted(path: path, line: 0, command: "")
            }
            return nil
        }
        guard let reason = TranscriptChecker.otherProject(recorded: recorded, project: project) else { return nil }
        if allowWrites { throw .writesToOtherProject(path: path, reason: reason) }
        return reason
    }
}
