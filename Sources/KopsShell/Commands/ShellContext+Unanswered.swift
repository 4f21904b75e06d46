/// Parts of a command's output the API left unanswered (tester53b U2, U3). A section shown as `not loaded: …` or `not
/// read (…)`, or left out, because a look-up got a 5xx, a 429, a dropped or cut connection or a body that is no answer
/// (`ErrorReport.isNoAnswer`) says nothing about the project: a replay with such a gap checked nothing there. Every such
/// look-up is noted where the client reads it (`KapsoClient.failed`), whatever the section then prints, so no wording
/// has to be recognised; `kops check` keeps the recorded block of a line whose replay noted one and differs, and never
/// writes the gap over the evidence (`TranscriptChecker.keptUnanswered`).
extension ShellContext {
    /// Notes a part left unread for want of an answer, `error` as its error line says it (`the API failed (503): …`).
    /// The client's look-ups are noted by themselves; a command calls this for a part it did not ask for for such a
    /// reason (overview's health read when the minute's health reads were spent).
    func noteUnanswered(_ error: String) {
        unanswered = (unanswered.count + 1, error)
    }
}
