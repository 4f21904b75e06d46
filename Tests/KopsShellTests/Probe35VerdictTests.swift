import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Verdicts probe35 found wrong and confident, each on the tester's own seed (`/tmp/p35/reproN`, copied to
/// `Tests/Seeds/probe35-*.seed.json`; message-shapes.seed.json with its messages, health or numbers edited).
@Suite struct Probe35VerdictTests {
    static func seed(_ name: String) -> SimulatorSeed { Probe28RealTests.seed("probe35-\(name)") }

    /// P35-7: Joao wrote from 551187654321, then Meta's `user_changed_number` named 5511987654321 (the same mobile with
    /// Brazil's ninth digit): a reply to the new number, or to the old form, is no send to "the old number"; and a
    /// notice whose new number is the sender's own (A→A) moves nobody.
    @Test func aReplyToTheNumberTheContactMovedToIsNotRefused() async throws {
        let brazil = try await runDemo(
            ["reply --to 5511987654321 --dry-run oi", "reply --to 551187654321 --dry-run oi"], number: "100200300400501",
            seed: Self.seed("brazil-move"))
        let same = try await runDemo(["reply --to 14155550171 --dry-run hello"], number: "100200300400501", seed: Self.seed("self-move"))
        for run in brazil + same {
            let text = run.out + run.err
            #expect(run.status == 0, "\(text)")
            #expect(!text.contains("changed their number to"), "\(text)")
            #expect(!text.contains("to the old number"), "\(text)")
        }
        #expect(brazil[0].out.contains("\"to\": \"5511987654321\""), "\(brazil[0].out)")
    }

    /// P35-7: `whois` of either number names no move, and the notice itself is read as no move.
    @Test func aNoticeNamingTheSendersOwnNumberIsNoMove() async throws {
        let runs = try await runDemo(
            ["whois 5511987654321", "whois 551187654321", "trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBP02AAAAAAAAAAAAAAAAAAAA="],
            number: "100200300400501", seed: Self.seed("brazil-move"))
        for run in runs.prefix(2) { #expect(!run.out.contains("no longer theirs"), "\(run.out)") }
        #expect(runs[2].out.contains("another form of the number it came from (Brazil's ninth digit"), "\(runs[2].out)")
        #expect(!runs[2].out.contains("reaches nobody"), "\(runs[2].out)")
    }

    /// P35-3: sent, failed 131026, delivered, and Kapso's status `failed` (the failure processed last), stored in order
    /// and out of order: the line under the timeline names the failure it printed, never "no failed event was recorded".
    @Test func kapsosFailedStatusOverARecordedFailureIsNotDenied() async throws {
        let id = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBP02AAAAAAAAAAAAAAAAAAAA="
        for seed in ["failed-then-delivered", "failed-then-delivered-unordered"] {
            let run = try await runDemo(["trace \(id)"], number: "100200300400501", seed: Self.seed(seed))[0]
            #expect(run.status == 0, "\(run.out)\(run.err)")
            #expect(!run.out.contains("no failed event was recorded"), "\(run.out)")
            #expect(
                run.out.contains(
                    "Kapso's status is failed, as the failed 131026 at 2026-11-21T10:10:01Z; a delivered at 2026-11-21T10:10:05Z was recorded too"),
                "\(run.out)")
        }
    }

    /// P35-1: 131049 on templates whose `sent` status Meta priced as utility (P03, order_update) and authentication (P06,
    /// otp), to a US number: the verdict, the meaning and `errors` read the priced category and name its source; none
    /// asserts a marketing template, the US marketing pause, or "send a utility or authentication template".
    @Test func a131049OnATemplatePricedAsUtilityIsNotReadAsMarketing() async throws {
        let cases = [
            ("131049-utility", "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBP03AAAAAAAAAAAAAAAAAAAA=", "utility", "order_update"),
            ("131049-authentication", "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBP06AAAAAAAAAAAAAAAAAAAA=", "authentication", "otp"),
        ]
        for (seed, id, category, name) in cases {
            let runs = try await runDemo(["trace \(id)", "errors --flat --period 24h"], number: "100200300400501", seed: Self.seed(seed))
            let trace = runs[0].out
            #expect(runs[0].status == 0, "\(trace)\(runs[0].err)")
            let verdict = trace.split(separator: "\n").first { $0.hasPrefix("verdict:") }.map(String.init) ?? ""
            #expect(verdict.contains("131049"), "\(trace)")
            #expect(verdict.contains("went out as \(category) (Meta priced it so on its status)"), "\(verdict)")
            #expect(verdict.contains("check the template's category now ('template \(name)')"), "\(verdict)")
            #expect(trace.contains("meaning: Meta documents 131049 for marketing templates"), "\(trace)")
            for text in [trace, runs[1].out] {
                #expect(!text.contains("send a utility or authentication template"), "\(text)")
                #expect(!text.contains("Meta does not deliver marketing templates to US numbers"), "\(text)")
                #expect(!text.contains("held back a marketing template"), "\(text)")
            }
        }
    }

    /// The tester's number-status seed (Support Line's `status` and its health's `phone_number_access.details.status`,
    /// with `passed: true`) with `word` in place of `DELETED`, as a file for the simulator.
    static func numberStatusSeed(_ word: String) throws -> SimulatorSeed {
        let text = try String(contentsOf: TestSeeds.folder.appendingPathComponent("probe35-number-status.seed.json"), encoding: .utf8)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("kops-p35-\(word)-\(UUID().uuidString).seed.json")
        try text.replacingOccurrences(of: "\"DELETED\"", with: "\"\(word)\"").write(to: file, atomically: true, encoding: .utf8)
        return .file(file.path)
    }

    /// P35-2: each value of Meta's phone-number `status` enum gets its own reading in `health` and `use`; one that cannot
    /// send is blocking and the first line does not say healthy alone; a value outside the enum stays "kops does not know".
    @Test(arguments: [
        ("DELETED", "blocking", "Graph code 33"), ("MIGRATED", "blocking", "MIGRATED to another WhatsApp Business Account"),
        ("PENDING", "blocking", "sends nothing until its status turns CONNECTED"),
        ("UNVERIFIED", "blocking", "Meta registers only a verified number"),
        ("RATE_LIMITED", "needs attention", "131048 (spam rate limit hit"),
    ])
    func eachDocumentedNumberStatusHasItsOwnReading(word: String, label: String, cause: String) async throws {
        let runs = try await runDemo(["health 100200300400501", "use 100200300400501"], number: nil, seed: try Self.numberStatusSeed(word))
        let health = runs[0].out
        #expect(health.contains("\(label): phone_number_access"), "\(health)")
        #expect(health.contains(cause), "\(health)")
        #expect(runs[1].out.contains("Kapso's record says Support Line is \(word): if so, "), "\(runs[1].out)")
        for run in runs { #expect(!run.out.contains("kops does not know"), "\(run.out)") }
        let first = health.split(separator: "\n").first.map(String.init) ?? ""
        if label == "blocking" {
            #expect(first.contains("healthy by Kapso's summary") && first.contains("but its details say the number is \(word)"), "\(first)")
        }
    }

    /// P35-2: a value outside Meta's enum is still said to be unknown to kops, never read as fine.
    @Test func aStatusOutsideMetasListStaysUnknownToKops() async throws {
        let run = try await runDemo(["health 100200300400501"], number: nil, seed: try Self.numberStatusSeed("PAUSED"))[0]
        #expect(run.out.contains("the number's status is PAUSED, which kops does not know"), "\(run.out)")
    }
}
