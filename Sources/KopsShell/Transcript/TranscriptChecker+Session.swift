extension TranscriptChecker {
    /// Starts the replay's session as the transcript's header says the recording started: its profile, phone number
    /// and output mode.
    static func startSession(on context: ShellContext, as header: TranscriptHeader) {
        context.session.profile = header.profile
        context.session.phoneNumberID = header.phoneNumberID
        // The mode the recording started in, whatever this user's --output or profile says (probe18 P18-11).
        context.session.output = header.output ?? .table
    }

    /// Starts the session of a part appended by another session (`record --append`): nothing of the session before
    /// carries over but the API it replays on and where its settings came from (as the replay's start had them).
    static func startAppendedSession(on context: ShellContext, profile: String, phoneNumberID: String?, output: OutputMode) {
        var fresh = Session(baseURL: context.session.baseURL, profile: profile, phoneNumberID: phoneNumberID, output: output)
        fresh.sources = context.session.sources
        context.session = fresh
    }
}
