extension TranscriptChecker {
    /// What a recorded `profile use NAME` line did, read from its block, and so what `kops check` does with it.
    ///
    /// `check` replays on the API and key it was started with and never runs `profile use` (the checker's profile of
    /// that name may point anywhere). Session 26 (probe25 P25-10): the line refused the whole transcript, a failed or
    /// repeated one too, though the recording's warning promised the blocks before it would be checked.
    enum ProfileUse: Equatable {
        /// It failed when recorded (an unknown profile: its block shows no `using profile` line), so it changed
        /// nothing: its block is kept as recorded and the replay goes on.
        case failed
        /// It selected the profile in use again, on the same API: no other host or key. Its block is kept as recorded
        /// and what it resets is redone: the phone number (the profile's, which the header gives), the last list, ids.
        case reselected(profile: String, phoneNumberID: String?)
        /// Anything else: the replay stops there, and this block and every later one are kept as recorded, unchecked.
        case switched(reason: String)
    }

    /// What a line's `profile use NAME` did when recorded (`block`), given the profile, phone number and its sources
    /// the recording's session started with (the header, or an appended part's line) and the API host the header
    /// names; nil for a line without one.
    static func profileUse(
        in line: String, block: String, session: (profile: String, phoneNumberID: String?, sources: [String: String]),
        host: String, registry: CommandRegistry
    ) -> ProfileUse? {
        guard let commands = try? Lexer.commands(in: line) else { return nil }
        let names = commands.compactMap { profileUseName($0.map(\.text), registry: registry) }
        guard let name = names.first else { return nil }
        guard commands.count == 1 else {
            return .switched(reason: "it switches profiles on a line with other commands, which check does not run apart")
        }
        let lead = "using profile \(name) (", tail = ") for this session"
        guard let shown = block.split(separator: "\n").first(where: { $0.hasPrefix(lead) && $0.hasSuffix(tail) }) else {
            return .failed
        }
        let url = String(shown.dropFirst(lead.count).dropLast(tail.count))
        guard name == session.profile else {
            return .switched(reason: "it switches from profile \(session.profile) to \(name), whose API host and key are not the ones check runs with")
        }
        guard TranscriptHeader.label(baseURL: url) == host else {
            return .switched(reason: "it switches to \(TranscriptHeader.label(baseURL: url)), another API than the header's \(host)")
        }
        guard let number = reselectedNumber(of: name, session: session) else {
            return .switched(
                reason: "it selects profile \(name) again, whose phone number id the transcript does not give (the session's "
                    + "came from \(session.sources["phone_number_id"] ?? "a command before the recording"))")
        }
        return .reselected(profile: name, phoneNumberID: number)
    }

    /// The phone-number id profile `name` selects, as the start of the recorded session shows it: the session's own
    /// when it came from that profile, none when the session had none and no source (the profile gives none); nil when
    /// the transcript does not tell (the session's came from a flag, the environment or `use`).
    static func reselectedNumber(
        of name: String, session: (profile: String, phoneNumberID: String?, sources: [String: String])
    ) -> String?? {
        guard session.profile == name else { return nil }
        switch session.sources["phone_number_id"] {
        case "profile \(name)"?: return .some(session.phoneNumberID)
        case nil where session.phoneNumberID == nil: return .some(nil)
        default: return nil
        }
    }

    /// Redoes what `profile use NAME` of the profile in use resets, the API and key aside (`ProfileCommand`).
    static func reselect(_ name: String, phoneNumberID: String?, on context: ShellContext) {
        ProfileCommand.selectNumber(phoneNumberID, ofProfile: name, sameProject: true, in: &context.session)
        context.session.sources["profile"] = "profile use"
        context.session.lastList = nil
        context.ids.clear()
    }

    /// The profile a command `profile use NAME` selects (empty for `profile use` alone, which fails); nil for any other
    /// command.
    static func profileUseName(_ words: [String], registry: CommandRegistry) -> String? {
        guard let first = words.first, (try? registry.command(named: first))?.name == ProfileCommand.name else { return nil }
        let positionals = words.dropFirst().filter { !$0.hasPrefix("--") }
        guard positionals.first == "use" else { return nil }
        return positionals.dropFirst().first ?? ""
    }
}
