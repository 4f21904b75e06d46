// MARK: - The always-listed checks a report lacks (tester61 AJ2)

extension HealthTriage {
    /// The checks Kapso lists on every health report (kapso-api.md §2.3 "Checks": `phone_number_access`,
    /// `messaging_health`, `webhook_subscription`, `webhook_verified`, present always) that this one lacks, in that order.
    /// A report without them says nothing of whether the number can send or hear its events: not known, never "healthy"
    /// (tester61 AJ2: `checks: {}` read as `healthy`, exit 0, `overview` `ok`).
    public var missing: [String] {
        Self.alwaysListed.filter { check in !findings.contains { $0.check == check } }
    }

    /// `the report lacks messaging_health, webhook_verified, which Kapso lists on every report`; nil when none is missing.
    public var missingWords: String? {
        missing.isEmpty ? nil : "the report lacks \(missing.joined(separator: ", ")), which Kapso lists on every report"
    }

    /// `overview`'s HEADLINE for a report that lacks always-listed checks: `not known: messaging_health (not in the
    /// report)`, `not known: 4 checks not in the report`; nil when none is missing.
    var missingHeadline: String? {
        switch missing.count {
        case 0: nil
        case 1: "not known: \(missing[0]) (not in the report)"
        default: "not known: \(missing.count) checks not in the report"
        }
    }

    /// Each missing check as a finding not known, with what to do: read by `unknown`, so `health`'s "not known:" lines,
    /// `.kops.not_known` and `overview`'s next steps name it as they name a check Kapso could not decide.
    var missingFindings: [Finding] {
        missing.map { check in
            Finding(
                check: check, severity: .unknown, detail: "not in the report",
                cause: "Kapso lists \(check) on every health report, and this one lacks it, so what it would say is not known",
                fix: "run 'health' again in 3 min (Kapso caches the report up to 3 min); if it is still missing, ask Kapso "
                    + "support why, quoting the report ('output json', then 'health')")
        }
    }
}
