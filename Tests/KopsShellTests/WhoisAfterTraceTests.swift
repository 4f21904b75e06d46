import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester47 F1: after `trace` of Lee's message (its marketing-preference read answers 404 `Marketing preference not
/// found`), `whois 14155550157` on another machine (no journal of the trace) said "1 failed (404)", one more with each
/// trace, so a transcript with both never checked clean. It says the same after any number of traces.
@Suite struct WhoisAfterTraceTests {
    @Test func whoisOfTheContactIsTheSameAfterEachTrace() async throws {
        try await withSimulator { fixture in
            let (other, output) = try fixture.shell(phoneNumberID: "100200300400501")
            func whois() -> (text: String, json: String) {
                var mark = output.out.count
                _ = other.run(line: "whois 14155550157")
                let text = String(output.out.dropFirst(mark))
                mark = output.out.count
                _ = other.run(line: "output json")
                _ = other.run(line: "whois 14155550157")
                _ = other.run(line: "output table")
                return (text, String(output.out.dropFirst(mark)))
            }
            let before = whois()
            let (tracing, _) = try fixture.shell(phoneNumberID: "100200300400501")
            var after: [(text: String, json: String)] = []
            for _ in 0..<2 {
                #expect(tracing.run(line: "trace \(OwnLookupsTests.tour)") == .ok)
                after.append(whois())
            }
            #expect(before.text.contains("14155550157"), "\(before.text)")
            for run in after {
                #expect(run.text == before.text)
                #expect(run.json == before.json)
            }
            #expect(!after[1].text.contains("failed (404)"))
        }
    }
}
