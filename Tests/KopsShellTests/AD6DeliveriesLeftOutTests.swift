import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// tester58 AD6 item 6: delivery rows kops cannot read (status `retrying`, `succeeded` with HTTP 500, a `created_at`
/// that is no ISO 8601 time) were left out of `webhooks check`'s verdict without a word ("2 of its 4 deliveries") while
/// `deliveries` lists all 7; `health`'s webhook line and `errors`' "now:" read the same verdict. Each now says how many
/// it left out and why, in one line. Seed: the tester's dlodd.seed.json (Support Line, one webhook, 7 deliveries).
@Suite struct AD6DeliveriesLeftOutTests {
    /// `command` on the Support Line: its output.
    static func run(_ command: String) async throws -> String {
        try await withSimulator(seed: .file(TestSeeds.path("ad6-odd-deliveries.seed.json"))) { fixture in
            let (shell, output) = try fixture.shell()
            _ = ScriptRunner(path: "t.kops", source: "set on_error continue\nuse 100200300400501\n\(command)\n").run(on: shell)
            // Hints (the left-out line of `errors`) go to standard error.
            return output.out + output.err
        }
    }

    static let why = "1 with a status Kapso does not document (retrying), so neither delivered nor failed and 1 "
        + "with a created_at that is no ISO 8601 time ('2026-11-21 11:20:00')"
    /// `succeeded` answered HTTP 500 is a failed attempt, in the verdict (tester62 AL20), and said so in the same line.
    static let readAsFailed = "1 delivery with a status Kapso does not document (succeeded) read as failed: the last attempt "
        + "was answered HTTP 500, and any answer but 2xx is a failed attempt"
    /// The line `of` names what the rows were left out of.
    static func line(of what: String) -> String {
        "2 deliveries left out of \(what): \(why); \(readAsFailed); 'deliveries --period 7d' lists them"
    }

    @Test func webhooksCheckSaysWhatItLeftOut() async throws {
        let out = try await Self.run("webhooks check")
        #expect(out.contains(Self.line(of: "the verdict")), "\(out)")
    }

    @Test func healthSaysWhatItLeftOut() async throws {
        let out = try await Self.run("health")
        #expect(out.contains(Self.line(of: "the webhooks' reading")), "\(out)")
    }

    /// `errors` lists the failed rows itself; its "now:" reads the webhook's page of any status.
    @Test func errorsSaysWhatTheStateNowLeftOut() async throws {
        let out = try await Self.run("errors")
        #expect(out.contains("2 deliveries left out of the webhooks' state now: \(Self.why); \(Self.readAsFailed)"), "\(out)")
    }

    @Test func theJSONCountsThem() async throws {
        let out = try await Self.run("webhooks check --output json")
        // The JSON, without the failure line after it (the delivery answered 500 is a failure now, tester62 AL20).
        let object = out.drop { $0 != "{" }
        let json = try JSONValue.parse(Array(object[...(object.lastIndex(of: "}") ?? object.startIndex)].utf8))
        #expect(json["deliveries_left_out"]?["count"]?.int == 2, "\(out)")
        #expect(json["deliveries_left_out"]?["statuses"]?["retrying"]?.int == 1, "\(out)")
        #expect(json["deliveries_left_out"]?["read_as_failed"]?["succeeded"]?.int == 1, "\(out)")
    }
}
