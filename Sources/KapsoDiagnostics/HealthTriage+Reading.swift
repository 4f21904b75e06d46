public import KapsoClient

// MARK: - kops's reading beside Kapso's summary, for the JSON result

/// What kops reads of a health report, as the `kops` object of `health`'s JSON result, beside Kapso's own `status` and
/// `checks` (which stay as Kapso gave them). Kapso's summary flags are cached up to 3 min and can disagree with the
/// checks' details (kapso-api.md §2.3), and kops goes by the details (`HealthTriage.Finding.contradiction`): a script or
/// monitor that read only `.status` got `healthy` for a number `health` exits 1 on (probe46 P46-9).
///
/// ```json
/// "kops": {"status": "unhealthy", "blocking": "messaging_health", "severity": "critical",
///          "failing": ["messaging_health", "webhook_subscription"], "not_known": [],
///          "summary": "healthy by Kapso's summary, but the details of messaging_health show a failure",
///          "contradicts": [".status", ".checks.messaging_health.passed"]}
/// ```
///
/// `status` is in the words `health` prints (tester46 F5: it said `failing` where the text and `summary` said
/// `degraded`): `healthy` (nothing fails, nothing unknown: `health` exits 0); when something fails by the exit-1 rule
/// (`HealthTriage.fails`), Kapso's own `degraded` or `unhealthy` when Kapso says so (the headline's word; `severity`
/// says whether what kops reads as blocking is critical), else, under Kapso's `healthy`, kops's reading in Kapso's
/// words (kapso-api.md §2.3: unhealthy when a critical check fails, degraded when a check needs attention):
/// `unhealthy` for a critical check or webhooks that lose the number's events (the text's `blocking:`), `degraded` for
/// one that needs attention (the text's `needs attention:`); `not_known` (nothing fails but a check could not be
/// decided, an always-listed check the report lacks, or `timestamp` for a report older than Kapso keeps one), `not_read` (nothing fails, but a look-up kops's reading depends on failed: the webhooks or their deliveries,
/// named in `not_known`, tester53b U9) or `not_run` (Kapso's `status` is `error`). `degraded`, `unhealthy` and
/// `not_read` are the values `health` exits 1 on.
/// `failing` lists the checks that did not pass in report order, `webhooks` last when the number's webhooks block;
/// `contradicts` lists the paths of the same result whose value Kapso states and kops reads otherwise: `.status` when
/// Kapso says `healthy` and kops reads a failure, `.checks.NAME.passed` for each `passed: true` whose details fail.
public struct HealthReading: Sendable, Equatable {
    public var status: String
    public var blocking: String?
    /// `critical` or `attention` for the blocking check; nil when none blocks.
    public var severity: String?
    public var failing: [String]
    public var notKnown: [String]
    public var summary: String
    public var contradicts: [String]

    /// Reads `triage` of a report whose Kapso `status` is `status`; `webhooksBlocking` is `NumberWebhooks.blocking != nil`;
    /// `notRead` names the parts of kops's own reading whose look-ups failed (`webhooks`, `webhook deliveries`).
    public init(_ triage: HealthTriage, status: String, webhooksBlocking: Bool, notRead: [String] = []) {
        let fails = triage.fails(status: status, webhooksBlocking: webhooksBlocking)
        failing = triage.findings.filter { $0.severity < .passed }.map(\.check) + (webhooksBlocking ? ["webhooks"] : [])
        // A report older than Kapso keeps one is no reading of the number now: `timestamp` is not known (tester61 AJ9).
        // A status Kapso does not document is not known either (tester62 AL19).
        notKnown = triage.unknown.map(\.check) + (triage.age == nil ? [] : ["timestamp"])
            + (HealthTriage.isDocumented(status: status) ? [] : ["status"]) + notRead
        blocking = triage.blocking?.check ?? (webhooksBlocking ? "webhooks" : nil)
        severity = triage.blocking.map { $0.severity == .critical ? "critical" : "attention" } ?? (webhooksBlocking ? "critical" : nil)
        if status == "error" {
            self.status = "not_run"
        } else if fails {
            self.status = ["degraded", "unhealthy"].contains(status) ? status : severity == "attention" ? "degraded" : "unhealthy"
        } else {
            self.status = !notRead.isEmpty ? "not_read" : notKnown.isEmpty ? "healthy" : "not_known"
        }
        let words = triage.statusWords(status: status)
        if words == "healthy", webhooksBlocking {
            summary = "healthy by Kapso's checks, but not its webhooks"
        } else if words == "healthy", let lacks = triage.missingWords {
            summary = "healthy by Kapso's summary, but \(lacks): not known"
        } else if words == "healthy", let age = triage.age {
            summary = "healthy by Kapso's summary, but \(age.words)"
        } else if words == "healthy", !notRead.isEmpty {
            summary = "healthy by Kapso's checks; not read: " + notRead.joined(separator: ", ")
        } else if !HealthTriage.isDocumented(status: status) {
            summary = HealthTriage.undocumentedWords(status) + (failing.isEmpty ? "" : "; failing: " + failing.joined(separator: ", "))
        } else {
            summary = words
        }
        contradicts = (status == "healthy" && fails ? [".status"] : []) + triage.contradicted.map { ".checks.\($0.check).passed" }
    }

    /// The reading as the `kops` object of the JSON result.
    public var json: JSONValue {
        .object([
            "status": .string(status), "blocking": blocking.map(JSONValue.string) ?? .null,
            "severity": severity.map(JSONValue.string) ?? .null, "failing": .array(failing.map(JSONValue.string)),
            "not_known": .array(notKnown.map(JSONValue.string)), "summary": .string(summary),
            "contradicts": .array(contradicts.map(JSONValue.string)),
        ])
    }

    /// What an `assert` that held on `path` of a result (`.status`, `.checks.messaging_health.passed`) must say when kops's
    /// reading contradicts the value there (`value`, as the result holds it): `.status is Kapso's summary "healthy", but
    /// kops reads messaging_health as failing (.kops.status is "unhealthy"; …)`. `result` is the whole JSON result; nil when
    /// it has no `kops.contradicts` naming the path.
    public static func contradiction(at path: String, value: JSONValue?, in result: JSONValue) -> String? {
        guard let kops = result["kops"], let paths = kops["contradicts"]?.array?.compactMap(\.string), paths.contains(path)
        else { return nil }
        let status = kops["status"]?.string ?? "unhealthy"
        let shown = value.map { $0.string.map { "\"\($0)\"" } ?? $0.serialized() } ?? "(missing)"
        let reading = kops["blocking"]?.string.map { "\($0) as failing" } ?? "the number as \(status)"
        return "\(path) is \(path == ".status" ? "Kapso's summary" : "Kapso's flag") \(shown), but kops reads \(reading) "
            + "(.kops.status is \"\(status)\"; assert .kops.status == healthy checks kops's reading)"
    }
}
