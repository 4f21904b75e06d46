internal import Foundation
internal import KopsHTTP
internal import KapsoClient

/// The facts at the top of a transcript: kops version, UTC time, profile, API host and what it is,
/// phone-number id, whether personal data was kept, and (on a simulator) the instant its data was made.
///
/// Never holds a key. The time and host are given by the caller, so golden transcripts can fix them.
public struct TranscriptHeader: Sendable, Equatable {
    /// What answered the transcript's requests; decides how `kops check` replays it.
    public enum APIKind: String, Sendable, CaseIterable {
        /// The simulator `kops --demo` starts beside it: `check` starts one pinned to the recorded clock.
        case demo = "demo simulator"
        /// A `kapso-sim` or other loopback server: `check` replays on the configured API.
        case simulator
        /// A real Kapso API: its data moves on, so `check` reports what changed since the recording.
        case kapso = "Kapso API"

        /// The kind of a base URL that is not the demo's: loopback hosts are simulators.
        public static func of(baseURL: String) -> APIKind {
            URLParts(baseURL)?.isLoopback == true ? .simulator : .kapso
        }

        /// `of(baseURL:)` for a base URL kops can send to, nil for one it refuses (no scheme, another scheme, a
        /// malformed one: `BaseURLSchemeError`): a session that reached no API is not said to have reached a "Kapso
        /// API" (probe38 P38-3).
        static func of(usableBaseURL baseURL: String) -> APIKind? {
            (try? BaseURLSchemeError.check(baseURL, source: nil)) == nil ? nil : of(baseURL: baseURL)
        }
    }

    /// The first line of every transcript; `kops check` refuses a file without it.
    public static let title = "# kops transcript"
    /// The API label a demo transcript shows instead of its loopback port, in the header and in the body.
    public static let demoHost = "kapso-demo"

    public var version: String
    /// `2026-11-21T12:00:00Z`.
    public var time: String
    public var profile: String
    /// The API host as a label, e.g. `api.kapso.ai`, `127.0.0.1:8080`, `kapso-demo` (`kapso-sim` in goldens).
    public var host: String
    public var kind: APIKind?
    /// A simulator's clock when its data was seeded, Unix microseconds (demo transcripts only).
    public var seeded: Int64?
    public var phoneNumberID: String?
    /// True when phone numbers, contact names and message bodies were kept (`record --keep-pii`).
    public var keepPII: Bool
    /// The output mode the session started in when it is one the page shows otherwise than tables (`json`,
    /// `expanded`); nil for tables (`auto` writes tables on the page). `kops check` replays in it (probe18 P18-11).
    public var output: OutputMode?
    /// Where the session's profile, phone-number id and output mode came from when the recording started, as `state`
    /// names them (`phone_number_id` → `use`, `output` → `flag --output`): `kops check` restores them with the values, so
    /// a `state` block recorded mid-session replays as recorded (probe22 P22-8: the replay named its own start's
    /// sources, `profile default` for a number the header set). Empty (no line) where the session knew none (tests).
    public var sources: [String: String]
    /// The settings whose source the header keeps: those it restores the value of, and the API and key, whose values a
    /// replay takes from its own start but which `state` shows as recorded (its `api` line already shows the recorded
    /// host): how `kops check` was launched (env, flag, profile) is no difference in what the API answers, and a golden
    /// recorded without sources checked as "output changed" on a simulator reached by `KAPSO_API_BASE_URL`, its
    /// `--update` writing the checker's launch over the golden (probe34 P34-9).
    public static let sourcedSettings: Set<String> = ["profile", "phone_number_id", "output", "api", "key"]
    /// The ids commands left for later ones when the recording started (`state`'s `last_webhook_id`,
    /// `last_message_id`, `last_conversation_id`): `kops check` starts with them, so a `state`, `trace` or `reply`
    /// recorded before any command set them replays as recorded (session 26). The message id (a WAMID, which holds the
    /// contact's number) is written masked, `<message 1>`, unless personal data is kept; the recorder keeps it as
    /// typed in the restore file under `restoreKey(lastMessageID:)`.
    public var lastWebhookID: String?
    public var lastMessageID: String?
    public var lastConversationID: String?
    /// What the session had read of the project's numbers when the recording started (`- numbers read:`, `- health
    /// read:`), which later verdicts weigh (`trace`'s "a reply from this number fails now"): `kops check` reads them
    /// again before the first line (tester69b D11). Written by `record` only (`noteEarlierReads`).
    public var numbersRead: NumbersRead?
    public var healthRead: [HealthNote] = []

    public init(
        version: String = KopsVersion.current, time: String, profile: String, host: String, kind: APIKind? = nil,
        seeded: Int64? = nil, phoneNumberID: String?, keepPII: Bool = false, output: OutputMode? = nil,
        sources: [String: String] = [:], lastWebhookID: String? = nil, lastMessageID: String? = nil,
        lastConversationID: String? = nil
    ) {
        self.version = version
        self.lastWebhookID = lastWebhookID
        self.lastMessageID = lastMessageID
        self.lastConversationID = lastConversationID
        self.sources = sources.filter { TranscriptHeader.sourcedSettings.contains($0.key) }
        self.output = output == .json || output == .expanded ? output : nil
        self.keepPII = keepPII
        self.time = time
        self.profile = profile
        self.host = host
        self.kind = kind
        self.seeded = seeded
        self.phoneNumberID = phoneNumberID
    }

    /// A header for the current time, from the session, for an API shown as `host`.
    public init(session: Session, host: String, keepPII: Bool = false) {
        self.init(
            time: TranscriptHeader.now, profile: session.profile, host: host, phoneNumberID: session.phoneNumberID,
            keepPII: keepPII, output: session.output, sources: session.sources, lastWebhookID: session.lastWebhookID,
            lastMessageID: session.lastMessageID, lastConversationID: session.lastConversationID)
    }

    /// A header for the current time, from the session and the context's API.
    public init(context: ShellContext, keepPII: Bool = false) {
        let demo = context.simulatorClock != nil
        self.init(
            time: TranscriptHeader.now, profile: context.session.profile,
            host: demo ? TranscriptHeader.demoHost : TranscriptHeader.label(baseURL: context.client.baseURL),
            kind: demo ? .demo : APIKind.of(usableBaseURL: context.client.baseURL), seeded: context.simulatorSeeded,
            phoneNumberID: context.session.phoneNumberID, keepPII: keepPII, output: context.session.output,
            sources: context.session.sources, lastWebhookID: context.session.lastWebhookID,
            lastMessageID: context.session.lastMessageID, lastConversationID: context.session.lastConversationID)
    }

    /// The ids commands left for later ones (`webhooks get`, `message`, `conversation`): the header's, or an appended
    /// part's (`TranscriptParser.appendedLine`), which `kops check` starts that part's session with.
    public struct LastIDs: Sendable, Equatable {
        public var webhook: String?
        public var message: String?
        public var conversation: String?

        public init(webhook: String? = nil, message: String? = nil, conversation: String? = nil) {
            (self.webhook, self.message, self.conversation) = (webhook, message, conversation)
        }

        /// How the appended line names each, in `values` order.
        static let labels = ["last webhook id", "last message id", "last conversation id"]
        var values: [String?] { [webhook, message, conversation] }

        subscript(index: Int) -> String? {
            get { values[index] }
            set {
                switch index {
                case 0: webhook = newValue
                case 1: message = newValue
                default: conversation = newValue
                }
            }
        }
    }

    /// `time` in Unix microseconds (`2026-11-21T12:00:00Z` → 1795262400000000); nil when it is not that shape.
    public var recordedMicros: Int64? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: time).map { Int64($0.timeIntervalSince1970) * 1_000_000 }
    }

    /// The restore file's key for the masked last message id the header shows (`- last message id: <message 1>`).
    public static func restoreKey(lastMessageID shown: String) -> String { "- last message id: \(shown)" }

    /// `output=flag --output, phone_number_id=use`: sources by setting name, sorted.
    public static func sourcesText(_ sources: [String: String]) -> String {
        sources.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
    }

    /// The sources a `sourcesText` names (settings `sourcedSettings` keeps; a piece without one continues the value
    /// before it, so a profile name with ", " in it survives).
    public static func sources(in text: String) -> [String: String] {
        var sources: [String: String] = [:]
        var last: String?
        for piece in text.components(separatedBy: ", ") {
            if let equals = piece.firstIndex(of: "="), sourcedSettings.contains(String(piece[..<equals])) {
                let key = String(piece[..<equals])
                sources[key] = String(piece[piece.index(after: equals)...])
                last = key
            } else if let last {
                sources[last, default: ""] += ", " + piece
            }
        }
        return sources
    }

    /// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ`.
    public static var now: String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    /// `https://api.kapso.ai` → `api.kapso.ai`, `http://127.0.0.1:8080` → `127.0.0.1:8080`.
    public static func label(baseURL: String) -> String {
        // An API key put where the base URL goes is not written into the header (probe38 P38-2).
        guard let range = baseURL.range(of: "://") else { return BaseURLSchemeError.looksLikeKey(baseURL) ? "<redacted>" : baseURL }
        return String(baseURL[range.upperBound...])
    }

    /// The API this transcript was recorded against and the one `baseURL` names, as `host` labels them, when they
    /// differ; nil when they are the same, for a demo transcript (it replays on a simulator of its own) and for a
    /// header without an `api:` line.
    public func otherAPI(baseURL: String) -> (recorded: String, now: String)? {
        let now = TranscriptHeader.label(baseURL: baseURL)
        guard kind != .demo, !host.isEmpty, host != now else { return nil }
        return (host, now)
    }

    /// The base URL the transcript shows for the API: the demo's label, else the recorded host.
    public func shownBaseURL(live: String) -> String {
        let scheme = live.hasPrefix("https://") ? "https://" : "http://"
        return scheme + host
    }

    /// The Markdown lines, ending in a blank line.
    public var markdown: String {
        var lines = [
            TranscriptHeader.title, "", "- kops: \(version)", "- recorded: \(time)", "- profile: \(profile)",
            "- api: \(host)",
        ]
        if let kind { lines.append("- api kind: \(kind.rawValue)") }
        if let seeded { lines.append("- simulator seeded: \(TranscriptClock.iso(seeded))") }
        lines.append("- phone number id: \(phoneNumberID ?? "none")")
        if let output { lines.append("- output: \(output.rawValue)") }
        if !sources.isEmpty { lines.append("- sources: " + TranscriptHeader.sourcesText(sources)) }
        if let lastWebhookID { lines.append("- last webhook id: \(lastWebhookID)") }
        // Never a WAMID in clear on a masked page: the recorder masks it first (a bundle of no recording shows none).
        if let lastMessageID, keepPII || PIIMasker.isMasked(lastMessageID) {
            lines.append("- last message id: \(lastMessageID)")
        }
        if let lastConversationID { lines.append("- last conversation id: \(lastConversationID)") }
        lines += earlierReadLines
        lines += ["- personal data: \(keepPII ? "kept" : "masked")", "", ""]
        return lines.joined(separator: "\n")
    }
}

/// Instants in transcripts, to the microsecond: `2026-11-30T18:20:05.123456Z` ↔ Unix microseconds.
public enum TranscriptClock {
    /// The comment line a recorder writes before a block recorded on a simulator clock.
    public static func line(_ micros: Int64) -> String { "<!-- clock: \(iso(micros)) -->" }

    /// The instant in a clock line, or nil for any other line.
    public static func micros(inLine line: Substring) -> Int64? {
        guard line.hasPrefix("<!-- clock: "), line.hasSuffix(" -->") else { return nil }
        return micros(iso: String(line.dropFirst(12).dropLast(4)))
    }

    public static func iso(_ micros: Int64) -> String {
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        let fraction = micros - seconds * 1_000_000
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = [.withInternetDateTime]
        let whole = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        let digits = String(fraction)
        return whole.dropLast() + "." + String(repeating: "0", count: 6 - digits.count) + digits + "Z"
    }

    /// `2026-11-30T18:20:05.123456Z` → Unix microseconds; nil when it is not that shape.
    public static func micros(iso: String) -> Int64? {
        guard iso.count == 27, iso.hasSuffix("Z"), let dot = iso.firstIndex(of: "."),
            let fraction = Int64(iso[iso.index(after: dot)..<iso.index(before: iso.endIndex)])
        else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        guard let date = formatter.date(from: String(iso[..<dot]) + "Z") else { return nil }
        return Int64(date.timeIntervalSince1970) * 1_000_000 + fraction
    }
}
