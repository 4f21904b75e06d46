import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Webhook deliveries and Graph paths whose readings said more than the data (`Tests/Seeds/probe37-hooks.seed.json`,
/// Support Line 100200300400501, clock 2026-11-21T12:00:00Z): a0's deliveries failed with `response_status: 0`, a1's
/// with null and with no field (P37-5); e1 is a meta webhook whose record says buffering on and payload v2, e2 one with
/// payload v1, b1 a buffered kapso webhook (P37-19); API calls on Graph v19.0, v20.0 (retired), v21.0, v26.0 (served),
/// v99.0 (never released) and v17.0 (P37-9).
@Suite struct Probe37HooksSeedTests {
    static var seed: SimulatorSeed { TestSeeds.file("probe37-hooks.seed.json") }

    static func id(_ tag: String) -> String { "22222222-3700-4000-8000-0000000000" + tag }

    func run(_ lines: [String]) async throws -> [Ran] {
        try await runDemo(lines, number: "100200300400501", seed: Self.seed, width: 2_000)
    }

    static let handlerWords = ["handler failed (0)", "HTTP 0", "answered 0", "returned 0", "handler failed (nil)"]

    /// P37-5: a delivery recorded with `response_status` 0, null or none got no HTTP answer: every command says so with
    /// the checks for it (reachable URL, TLS, Kapso's 10 s), never that the handler answered 0 or failed.
    @Test func noHTTPResponseIsSaidSoEverywhere() async throws {
        let runs = try await run([
            "deliveries --webhook \(Self.id("a0"))", "webhooks check \(Self.id("a0"))", "webhooks check \(Self.id("a1"))",
            "output json", "errors --source webhook", "output table", "deliveries stats",
            "logs search --source webhook_delivery --problems", "whois 44444444-3700-4000-8000-000000000001",
        ])
        for (index, ran) in runs.enumerated() {
            for words in Self.handlerWords { #expect(!ran.out.contains(words), "line \(index): \(ran.out)") }
        }
        // The note is a hint (stderr), under the table's `none` cells.
        let listed = runs[0].out + runs[0].err
        #expect(runs[0].out.contains("failed  none"), "\(listed)")
        #expect(listed.contains("3 deliveries got no HTTP response (connection failed or timed out), shown as HTTP none"), "\(listed)")
        #expect(listed.contains("reachable from the internet") && listed.contains("TLS certificate"), "\(listed)")
        #expect(listed.contains("within Kapso's 10 s"), "\(listed)")
        for ran in [runs[1], runs[2]] {
            #expect(ran.status == 1, "\(ran.out)")
            #expect(ran.out.contains("no HTTP response"), "\(ran.out)")
            #expect(ran.out.contains("no HTTP response (connection failed or timed out): Kapso's request got no answer at all"), "\(ran.out)")
        }
        #expect(runs[4].out.contains("no HTTP response (connection failed or timed out)"), "\(runs[4].out)")
        #expect(runs[4].out.contains("reachable from the internet"), "\(runs[4].out)")
        #expect(runs[6].out.contains("no HTTP response"), "\(runs[6].out)")
        #expect(!runs[6].out.contains("0xx"), "\(runs[6].out)")
        #expect(runs[7].out.contains("no HTTP response (connection failed or timed out)"), "\(runs[7].out)")
        #expect(runs[8].out.contains("failed, no HTTP response after 4 attempts"), "\(runs[8].out)")
    }

    /// P37-19: a meta webhook gets Meta's own payloads: no batch or payload-version advice, whatever its record says; the
    /// record's kapso-kind settings are said not to apply. A buffered kapso webhook keeps its batch advice.
    @Test func metaWebhooksGetNoBatchAdvice() async throws {
        let runs = try await run([
            "webhooks check \(Self.id("e1"))", "webhooks check \(Self.id("e2"))", "webhooks check \(Self.id("b1"))",
            "webhooks get \(Self.id("e1"))", "webhooks",
        ])
        for ran in runs[0...1] {
            #expect(!ran.out.contains("batch-shaped") && !ran.out.contains("read batch bodies"), "\(ran.out)")
            #expect(!ran.out.contains("legacy v1 payloads"), "\(ran.out)")
            #expect(ran.out.contains("these are kapso-kind settings and do not apply"), "\(ran.out)")
            #expect(ran.out.contains("Kapso forwards Meta's own payload"), "\(ran.out)")
        }
        #expect(runs[0].out.contains("its record has buffer_enabled and payload_version v2"), "\(runs[0].out)")
        #expect(runs[1].out.contains("its record has payload_version v1"), "\(runs[1].out)")
        #expect(runs[2].out.contains("buffering is on: every whatsapp.message.received delivery is batch-shaped"), "\(runs[2].out)")
        #expect(runs[3].out.contains("Meta's own (kind meta)"), "\(runs[3].out)")
        #expect(runs[3].out.contains("none for kind meta"), "\(runs[3].out)")
        #expect(!runs[3].out.contains("buffering:  on") && !runs[3].out.contains("payload:    v2"), "\(runs[3].out)")
    }

    /// P37-19: `webhooks create --kind meta` with a kapso-kind setting is refused before anything is sent.
    @Test(arguments: ["--buffer-enabled", "--payload-version v2", "--max-buffer-size 10"])
    func metaCreateRefusesKapsoSettings(flag: String) async throws {
        let runs = try await run(["webhooks create --url https://meta.example.com/new --kind meta \(flag)"])
        #expect(runs[0].status == 64, "\(runs[0].err)")
        #expect(runs[0].err.contains("a meta webhook gets Meta's own payloads"), "\(runs[0].err)")
    }

    /// P37-9: a Graph version in a failed call's path is read against Meta's version table at the call's own time:
    /// retired (v19.0, v20.0) with the day, never released (v99.0), served (v21.0, v26.0: not the cause).
    @Test func graphVersionsAreReadAgainstMetasTable() async throws {
        let runs = try await run(["errors --source api --flat --period 24h"])
        let out = runs[0].out
        func row(_ version: String, _ edge: String = "messages") throws -> String {
            try #require(out.split(separator: "\n").map(String.init).first { $0.contains("/\(version)/100200300400501/\(edge) ") }, "\(out)")
        }
        #expect(try row("v19.0").contains("Graph v19.0, which Meta retired on 2026-05-21"), "\(out)")
        #expect(try row("v20.0").contains("Graph v20.0, which Meta retired on 2026-09-24"), "\(out)")
        #expect(try row("v17.0").contains("Graph v17.0, which Meta retired on 2025-09-12"), "\(out)")
        #expect(try row("v99.0").contains("Graph v99.0, a version Meta never released"), "\(out)")
        for version in ["v21.0", "v26.0"] {
            let line = try row(version)
            #expect(!line.contains("no longer serves") && !line.contains("not released") && !line.contains("retired"), "\(line)")
            #expect(line.contains("neither is the mistake"), "\(line)")
        }
        let extra = try row("v21.0", "messages/extra")
        #expect(extra.contains("Graph could not read /extra in the path"), "\(extra)")
    }
}
