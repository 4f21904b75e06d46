import Foundation
import KopsShell
import KopsTestSupport
import Testing

/// tester61 AJ2: a health report whose `checks` are `{}` or `null`, or that lacks one of the checks Kapso lists on every
/// report (`phone_number_access`, `messaging_health`, `webhook_subscription`, `webhook_verified`, kapso-api.md §2.3),
/// read as `healthy` (exit 0, `.kops.status` `healthy`, `not_known: []`, `overview` `ok`). What the report does not say is
/// not known: the first line says which checks it lacks, `.kops.not_known` lists them, `overview` does not say `ok`.
@Suite struct AJ2MissingHealthChecksTests {
    /// The real-world seed with the Support Line's (100200300400501) report changed by `change`.
    static func seed(_ change: @escaping (inout [String: Any]) -> Void) throws -> String {
        try Probe44HealthTests.seed { seed in
            var health = seed["health"] as! [String: Any]
            var report = health["100200300400501"] as! [String: Any]
            report["status"] = "healthy"
            change(&report)
            health["100200300400501"] = report
            seed["health"] = health
        }
    }

    static let always = ["phone_number_access", "messaging_health", "webhook_subscription", "webhook_verified"]

    /// The overview row of 100200300400501.
    static func row(_ out: String) -> String {
        out.split(separator: "\n").first { $0.hasPrefix("100200300400501 ") }.map(String.init) ?? ""
    }

    @Test(arguments: ["empty", "null"])
    func noChecksIsNotHealthy(_ form: String) async throws {
        let seed = try Self.seed { report in report["checks"] = form == "empty" ? [String: Any]() : NSNull() }
        let ran = try await Probe44HealthTests.run(seed, [
            "health 100200300400501", "output json", "health 100200300400501", "output table", "overview",
        ])
        let first = ran.out.split(separator: "\n").first { $0.hasPrefix("100200300400501:") }.map(String.init) ?? ""
        #expect(first.contains("healthy by Kapso's summary")
                && first.contains("the report lacks \(Self.always.joined(separator: ", "))") && first.contains("not known"),
                "\(ran.out)")
        // Old: `"not_known": []` and `"status": "healthy"` under `kops`.
        let compact = ran.out.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\n", with: "")
        #expect(compact.contains("\"not_known\":[\"" + Self.always.joined(separator: "\",\"") + "\"]"), "\(ran.out)")
        #expect(compact.contains("\"status\":\"not_known\""), "\(ran.out)")
        let row = Self.row(ran.out)
        #expect(row.contains("not known: 4 checks not in the report") && !row.hasSuffix(" ok"), "\(row)\n\(ran.out)")
        #expect(ran.out.contains("Support Line is healthy per Kapso, but its phone_number_access is not known"), "\(ran.out)")
    }

    @Test func aMissingMessagingHealthIsNamed() async throws {
        let seed = try Self.seed { report in
            var checks = report["checks"] as! [String: Any]
            checks["messaging_health"] = nil
            report["checks"] = checks
        }
        let ran = try await Probe44HealthTests.run(seed, ["health 100200300400501", "overview"])
        let first = ran.out.split(separator: "\n").first { $0.hasPrefix("100200300400501:") }.map(String.init) ?? ""
        #expect(first.contains("healthy by Kapso's summary") && first.contains("the report lacks messaging_health,"), "\(ran.out)")
        #expect(ran.out.contains("\nnot known: messaging_health\n"), "\(ran.out)")
        #expect(Self.row(ran.out).contains("not known: messaging_health (not in the report)"), "\(ran.out)")
    }

    /// A report with every always-listed check says nothing of this.
    @Test func aFullReportSaysNothingMissing() async throws {
        let seed = try Self.seed { _ in }
        let ran = try await Probe44HealthTests.run(seed, ["health 100200300400501"])
        #expect(!ran.out.contains("the report lacks") && !ran.out.contains("not in the report"), "\(ran.out)")
    }
}
