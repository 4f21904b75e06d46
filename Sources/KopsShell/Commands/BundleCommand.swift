internal import Foundation
internal import KapsoClient

/// `bundle [FILE.md] [--period 24h|7d|30d] [--keep-pii] [--force]`: one Markdown file for a Kapso support ticket.
public enum BundleCommand: ScriptCommand {
    public static let name = "bundle"
    public static let summary = "write a support bundle: the session's transcript, failed calls' request ids, health"
    public static let usage = "bundle [FILE.md] [--period 24h|7d|30d] [--keep-pii] [--force]"
    public static let details = """
        Writes one Markdown file to attach to a Kapso support ticket: the environment facts support asks
        for (kops version, API host, project, number, time window), the transcript being recorded (after
        'record stop', the session's last recording), then the selected number's health, its errors and
        the failed API calls with their request ids.
        Redacted and masked like any transcript, and replayable with 'kops check FILE.md'. A bundle is
        for a ticket, so it keeps personal data (numbers, names, texts) only with --keep-pii: while a
        'record --keep-pii' recording runs, bundle refuses without it. Record the session first
        ('record FILE.md') so the bundle holds what you did. An existing file is never overwritten
        without --force, and a transcript this session recorded never is.
        Examples:
          record ticket-4411.md
          bundle ticket-4411-bundle.md --period 7d
        """
    public static let maxArguments: Int? = 1
    /// In a script, `bundle FILE.md` writes beside the script.
    public static func filePaths(_ arguments: Arguments) -> (positionals: [Int], flags: [String]) { ([0], []) }
    public static let flags = [
        FlagSpec("--period", choices: ["24h", "7d", "30d"], help: "how far back errors and failed calls go (default 24h)"),
        FlagSpec("--keep-pii", help: "keep phone numbers, names and message texts in clear (a recording with --keep-pii needs it)"),
        FlagSpec("--force", help: "replace an existing file"),
    ]

    public static func run(_ arguments: Arguments, in context: ShellContext) throws -> CommandResult {
        let path = arguments.positionals.first ?? TranscriptFile.defaultName("kops-bundle")
        let period = arguments.value("--period") ?? "24h"
        // `kops check` replaying a session that made a bundle shows the same line and writes nothing.
        guard let shell = context.shell, shell.recorder?.isReplay != true else {
            return CommandResult(blocks: [.hint("wrote support bundle \(path) (check it with '\(context.kopsCommand) check \(PosixWord.quoted(path))')")])
        }
        let session = shell.recorder
        // The bundle holds the session's transcript: written over it (with --force), the recording would be lost and the
        // bundle could not be checked (probe12 P12-6).
        if case .file(let sessionPath)? = session?.destination, TranscriptFile.isSameFile(path, sessionPath) {
            throw ScriptError.recording(
                "bundle: '\(path)' is the transcript being recorded, and the bundle holds a copy of it; "
                    + "name another file for the bundle, or leave out the name")
        }
        // Its restore file is as much the recording's (probe24 P24-9), whether it exists yet or not.
        if let session, session.owns(path) { throw ScriptError.recording(session.ownedFileRefusal(command: "bundle", path: path)) }
        // A recording stopped a line ago is no less the user's (probe33 P33-7): never replaced, --force or not.
        if let stopped = shell.stoppedRecordings.last(where: { $0.owns(path) }), FileManager.default.fileExists(atPath: path) {
            throw ScriptError.recording(stoppedFileRefusal(stopped, path: path))
        }
        let keepPII = arguments.has("--keep-pii")
        // After `record stop` the bundle holds the session's last recording, as it would have a line before.
        let (included, recorded, leftOut) = try includedRecording(
            running: session, stopped: shell.stoppedRecordings.last, keepPII: keepPII)
        var header = recorded.map { TranscriptParser($0).header } ?? TranscriptHeader(context: context)
        header.time = TranscriptHeader.now
        header.keepPII = keepPII
        // A path kops refuses whatever the flags (`/dev/stdout`, a folder) is named before --force is suggested for it.
        _ = try asBundle { try TranscriptFile.target(of: path) }
        // `record`'s advice for an existing file names --append, which bundle does not take (probe18 P18-7).
        if !arguments.has("--force"), FileManager.default.fileExists(atPath: path) {
            throw ScriptError.recording("bundle: '\(path)' already exists; add --force to replace it, or pick another name")
        }
        let existed = FileManager.default.fileExists(atPath: path)
        let bundle = try asBundle {
            try TranscriptRecorder(
                header: header, destination: .file(path), opening: arguments.has("--force") ? .replace : .create,
                preamble: header.markdown
                    + facts(context: context, period: period, recorded: recorded != nil, leftOut: leftOut, header: header),
                masker: included?.masker, context: context)
        }
        // The header is the recording's: only the base URL it was made with is written as the header's host. The API a
        // `profile use` switched to since stays itself (probe43 P43-16: the diagnostics' `state` named the recording's
        // host for another project's answers).
        if let included { bundle.liveBaseURL = included.liveBaseURL }
        if let recorded {
            var restore = TranscriptRestore()
            if case .file(let sessionPath)? = included?.destination {
                restore = TranscriptRestore.load(besides: sessionPath) ?? restore
            }
            bundle.copy(TranscriptParser.body(of: recorded), restoring: restore)
        }
        bundle.copy("## Diagnostics\n\n", restoring: TranscriptRestore())
        try Self.removeIfCut(bundle, path: path, existed: existed)
        // Without the session's transcript its diagnostics cannot be replayed (its `state`, kops's own look-ups in
        // the API log come from commands the bundle does not hold): `kops check` keeps them as recorded.
        bundle.snapshot = recorded == nil
        shell.recorder = bundle
        defer { shell.recorder = session }
        var lines = ["state"]
        if context.session.phoneNumberID != nil { lines.append("health") }
        lines += ["errors --period \(period)", "logs --errors --ids --period \(period)"]
        for line in lines where bundle.writeFailure == nil { shell.run(line: line) }
        try Self.removeIfCut(bundle, path: path, existed: existed)
        let stopped = included.flatMap { $0 === session ? nil : $0 }
        return CommandResult(blocks: [.hint(doneLine(path: path, recorded: recorded != nil, stopped: stopped, leftOut: leftOut, context: context))])
    }

    /// `body`, with the transcript file's refusal (shared with `record`) said as the bundle's: `cannot write bundle
    /// 'nodir/b.md': its folder nodir does not exist; create it first` (probe29 P29-14: it said "transcript").
    private static func asBundle<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch ScriptError.unwritableTranscript(let path, let reason) {
            throw ScriptError.recording("cannot write bundle '\(path)': \(reason)")
        }
    }

    /// A bundle that could not be written whole (a full disk) is no bundle: the file this command made is removed, so
    /// the same command works once there is space (probe20 P20-15: the retry was refused "already exists"), and the
    /// command fails. A file the user had (`--force`) is left as it is.
    private static func removeIfCut(_ bundle: TranscriptRecorder, path: String, existed: Bool) throws(ScriptError) {
        guard let failure = bundle.writeFailure else { return }
        if !existed {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: TranscriptRestore.path(besides: path))
        }
        throw .recording(
            "bundle: writing '\(path)' failed (\(failure))" + (existed ? ", so it ends part-way" : ", so it was removed")
                + "; free space, then run bundle again")
    }

    /// What the session's recorder has written so far (a file's text, or the text kept in memory), without
    /// the block still open (the line running `bundle`).
    static func recordedText(_ recorder: TranscriptRecorder) -> String? {
        let text: String?
        if case .file(let path) = recorder.destination {
            text = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
        } else {
            text = recorder.text
        }
        guard let text else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let open = lines.lastIndex(where: { TranscriptFence.opening($0) != nil }),
            let length = TranscriptFence.opening(lines[open]),
            !lines[open...].contains(where: { TranscriptFence.closes($0, length: length) })
        else { return text }
        var start = open
        if start > 0, TranscriptClock.micros(inLine: lines[start - 1]) != nil { start -= 1 }
        lines.removeSubrange(start...)
        return lines.map { $0 + "\n" }.joined()
    }

    /// The facts a support engineer asks for first, as Markdown under the header.
    private static func facts(
        context: ShellContext, period: String, recorded: Bool, leftOut: String?, header: TranscriptHeader
    ) -> String {
        let seconds: Int64 = ["24h": 86_400, "7d": 604_800, "30d": 2_592_000][period] ?? 86_400
        let now = context.now()
        let number = context.session.phoneNumberID.map { id in
            context.ids.labels[id].map { "\(id) (\($0))" } ?? id
        }
        var lines = [
            "## Support bundle", "",
            "- project: " + projectFact(context),
            "- number: \(number ?? "none selected")",
            "- time window: \(iso(now - seconds)) to \(iso(now)) (\(period))",
            "- request ids: the REQUEST ID column of 'logs --errors --ids' below (from log search; LOG ID is the API log id)",
        ]
        // A recording made on another profile or API than the one the session uses now: the diagnostics are this one's.
        let host = TranscriptHeader.label(baseURL: context.client.baseURL)
        if recorded, header.kind != .demo, header.host != host || header.profile != context.session.profile {
            lines.append(
                "- diagnostics: from profile \(context.session.profile) (\(host)), not the recording's profile \(header.profile) "
                    + "(\(header.host)): 'profile use' switched since the recording began")
        }
        lines.append("")
        lines += recorded
            ? ["## Session transcript", "", ""]
            : [leftOut.map { "The session's recording is not included: \($0)." }
                ?? "No session was being recorded: run 'record FILE.md' before reproducing the problem, then 'bundle'.", "", ""]
        return lines.joined(separator: "\n")
    }

    /// The project the bundle is about (P45-14: it said "not set" whenever `PROJECT_ID` was not exported, though the API
    /// names it). Kapso's API names a key's project only in a webhook's `project_id` (kapso-api.md §3.1: required on
    /// every webhook; no endpoint returns the key's project), so it is read from the first webhook `GET /whatsapp/webhooks`
    /// lists (both scopes). `PROJECT_ID`, when set, is shown as set, and a webhook naming another project is said.
    /// Unknown (no webhook, or the list failed) is said as unknown, with how to give it.
    static func projectFact(_ context: ShellContext) -> String {
        let set = context.environment["PROJECT_ID"].flatMap { $0.isEmpty ? nil : $0 }
        let named: String?
        let failure: String?
        do {
            // An id (letters, digits, `-`, `_`), never other server text in the file.
            named = try context.client.webhooks(.project, perPage: 1).items.first?.json["project_id"]?.string.flatMap { id in
                !id.isEmpty && id.count <= 64 && id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) ? id : nil
            }
            failure = nil
        } catch {
            // The error itself is in the diagnostics below ('state', 'errors'); server text stays out of the facts.
            (named, failure) = (nil, "the webhooks list, which names it, could not be read")
        }
        switch (set, named) {
        case let (set?, named?) where set.lowercased() != named.lowercased():
            return "\(set) (PROJECT_ID); but the API key's webhooks name project \(named): the key may be another project's"
        case (let set?, _): return "\(set) (PROJECT_ID)"
        case (nil, let named?): return "\(named) (the project_id of the API key's webhooks)"
        case (nil, nil):
            return "unknown: " + (failure ?? "the API names a key's project only in a webhook's project_id, and this project has no webhook")
                + "; to name it, set PROJECT_ID to the project's id (Kapso dashboard, project settings) before starting kops"
        }
    }

    private static func iso(_ seconds: Int64) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
