import KopsShell

extension ScriptLaunch {
    /// For `kops check FILE.md`, before any connection: the transcript's header (nil for any other verb); refuses a file
    /// that is not a kops transcript.
    func checkedHeader() throws(ScriptError) -> TranscriptHeader? {
        guard words.first == "check", words.count == 2 else { return nil }
        let path = words[1]
        let text = try TranscriptFile.read(path)
        guard TranscriptParser.isTranscript(text) else { throw .notATranscript(path: path, startsAt: TranscriptParser.titleLine(in: text)) }
        return TranscriptParser(text).header
    }

    /// The profile `kops check` replays a live transcript on when none was typed: the one it was recorded with, as a
    /// `profile use` line in it is (probe29 P29-4: a transcript recorded with `--profile stage` was replayed on the
    /// default profile's API, and `--update` rewrote it with that project's output). Nil to start as usual: a
    /// `--profile` or `--base-url` typed now (the user chose where), a demo transcript (its own simulator), or one
    /// recorded on no profile (`default` when config.toml has none of that name). A profile this config.toml does not
    /// have is refused: replayed elsewhere, its output would be another project's.
    static func replayProfile(
        of header: TranscriptHeader, path: String, typed: (profile: String?, baseURL: String?), config: KopsConfig
    ) throws(ScriptError) -> String? {
        guard header.kind != .demo, typed.profile == nil, typed.baseURL == nil else { return nil }
        if config.profile(named: header.profile) != nil { return header.profile }
        guard header.profile != "default" else { return nil }
        guard Profile.isValidName(header.profile) else { throw .recordedProfileNotAName(path: path, profile: header.profile) }
        throw .recordedProfileMissing(path: path, profile: header.profile, source: header.sources["profile"])
    }

    /// Why `kops --demo check` refuses a transcript recorded on a live Kapso API (its header's `api kind: Kapso API`, or
    /// a header without a kind whose host is neither the demo's nor a loopback one), nil for any other: the demo's
    /// simulator holds the demo's data, not that project's, so every block would "change" and `--update` would write
    /// demo output under the live header (probe38 P38-14). `record --append` refuses the same mix.
    static func demoCheckOfLive(_ header: TranscriptHeader, path: String) -> String? {
        let live = header.kind == .kapso
            || (header.kind == nil && !header.host.isEmpty && header.host != TranscriptHeader.demoHost
                && TranscriptHeader.APIKind.of(baseURL: "http://" + header.host) == .kapso)
        guard live else { return nil }
        return "check: '\(path)' was recorded on \(header.host), a live Kapso API, and --demo replays on the demo's own data, "
            + "which would differ in every block; check it without --demo, with a key for the project it was recorded on"
    }

    /// The line `kops check` of a demo transcript says when a `--profile` or `--base-url` was typed for it (P29-4's
    /// leftover, session 33: the flag was dropped without a word, and the check passed as if it had compared that API):
    /// the recording and the check differ only in the API base, and a demo transcript replays on a demo simulator of its
    /// own, so the flag is not used. Nil when neither was typed.
    static func demoTranscriptNote(_ header: TranscriptHeader, path: String, typed: (profile: String?, baseURL: String?)) -> String? {
        guard header.kind == .demo else { return nil }
        let flag = typed.baseURL.map { "--base-url \($0)" } ?? typed.profile.map { "--profile \($0)" }
        guard let flag else { return nil }
        return "\(VisibleText.escaped(path)): recorded on the demo simulator (kops --demo) and checked with \(flag): only the API base differs, and "
            + "a demo transcript replays on a demo simulator of its own, so \(flag) is not used; to compare with that API, "
            + "record the session there"
    }

    /// The one line that refuses to offer or perform `--update` after a replay on another profile than the recorded
    /// one (a `--profile` or `--base-url` typed for the check): its differences may be another project's, which must
    /// never be written under this transcript's header (P29-4); nil when the profiles are the same, or for a demo
    /// transcript.
    static func otherProfileLine(_ header: TranscriptHeader, replayedOn profile: String, path: String, update: Bool) -> String? {
        guard header.kind != .demo, header.profile != profile else { return nil }
        return (update ? "not rewritten: " : "")
            + "it was recorded with profile \(header.profile) and replayed on profile \(profile), so the differences may be "
            + "the other project's; "
            + (Profile.isValidName(header.profile)
                ? "check it on its own with 'kops --profile \(header.profile) check \(PosixWord.quoted(path))'"
                : "its header's profile '\(header.profile)' is no profile name, so correct its '- profile:' line first")
    }

    /// The line `kops check --update` ends with, writing nothing, for a transcript recorded on a live Kapso API and
    /// replayed on another API that the environment or a profile named, not `--base-url` (probe43 P43-4: a
    /// `KAPSO_API_BASE_URL` left over from another incident rewrote the evidence under the old `- api:` line); nil for
    /// a transcript recorded on a simulator, whose port changes with each start.
    static func otherLiveAPILine(_ header: TranscriptHeader, other: (recorded: String, now: String), source: String?) -> String? {
        guard header.kind == .kapso else { return nil }
        return "not rewritten: it was recorded against \(other.recorded) and replayed on \(other.now)"
            + (source.map { " (from \($0))" } ?? "") + ", so the differences may be that API's; check it on the API it was "
            + "recorded on, or name this one with --base-url to update it from here"
    }
}
