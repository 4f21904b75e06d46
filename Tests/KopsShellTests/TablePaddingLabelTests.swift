@testable import KopsShell
import KopsTestSupport
import KapsoSimulator
import Testing

/// tester50 F1: the shaped-credential rule read a strong label's bare form (`API key X`, probe38 P38-10) across a table's
/// column gap and took the head of the next cell's time (`2026-11-21T11`, letters and digits) for a key, so every `errors`
/// row of Kapso's "Invalid API key" 401 printed its FIRST time as `<redacted>:50:00Z`, on screen, in transcripts and in
/// bundles: the "since when did the key fail" answer was lost. A time's head is never a key, whatever label comes before
/// it. A key-like word after a column gap stays masked (`password  Hx81…`, Probe38LeakTests): a lost cell is the lesser harm.
@Suite struct TablePaddingLabelTests {
    @Test(arguments: [
        ("401 Invalid API key    2026-11-21T11:50:00Z  2026-11-21T11:50:00Z", "401 Invalid API key    2026-11-21T11:50:00Z  2026-11-21T11:50:00Z"),
        ("401 Invalid token  2026-11-21T11:50:00Z  x", "401 Invalid token  2026-11-21T11:50:00Z  x"),
        ("Invalid webhook secret\t2026-11-21T11:50:00Z", "Invalid webhook secret\t2026-11-21T11:50:00Z"),
        ("401 Invalid token  Kx81mQ2zP0aB7cD9  x", "401 Invalid token  <redacted>  x"),
        ("Expired API key 2026-11-21T11:50:00Z", "Expired API key 2026-11-21T11:50:00Z"),
        ("key: 2026-11-21T11:50:00Z", "key: 2026-11-21T11:50:00Z"),
        // Prose keeps its reading: one space, a quote or a parenthesis between a strong label and its value.
        ("the API key Kx81mQ2zP0aB7cD9 was revoked", "the API key <redacted> was revoked"),
        ("apikey \"Kx81mQ2zP0aB7cD9\"", "apikey \"<redacted>\""),
        ("the API key (Kx81mQ2zP0aB7cD9)", "the API key (<redacted>)"),
        ("key: Kx81mQ2zP0aB7cD9", "key: <redacted>"),
    ])
    func aColumnGapOrATimeIsNoLabelledValue(line: String, expected: String) {
        #expect(TokenShapes.maskedByCharacter(line) == expected)
        #expect(TokenShapes.masked(line) == expected)
    }

    @Test func errorsKeepsTheFirstTimeOfAnInvalidAPIKeyRow() async throws {
        let runs = try await runDemo(
            ["errors", "logs --errors"], number: "100200300400501", seed: .file(TestSeeds.path("tester50-key401.seed.json")), width: 250)
        #expect(runs.map(\.status) == [0, 0], "\(runs.map(\.err))")
        for run in runs {
            #expect(!run.out.contains("<redacted>"), "\(run.out)")
        }
        let row = runs[0].out.split(separator: "\n").first { $0.contains("POST /platform/v1/whatsapp/messages") }
        let times = row.map { $0.matches(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/).count } ?? 0
        #expect(times == 2, "\(runs[0].out)")
    }
}
