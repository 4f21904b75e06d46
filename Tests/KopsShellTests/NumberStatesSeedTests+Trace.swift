import KapsoClient
import KopsHTTP
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

extension NumberStatesSeedTests {
    /// P17-13: with log search not enabled, `trace` of a send pending for hours says so and sends the user to what works
    /// (the number's send calls, Kapso support), never to `logs search`.
    @Test func aPendingSendsNextStepWorksWithoutLogSearch() async throws {
        let out = try await withSimulator(seed: Self.seed) { fixture in
            let client = try fixture.client()
            var off = client.platformRequest("/", method: "POST", body: ["available": false])
            off.url = fixture.baseURL + "/__sim/log_search"
            _ = try client.perform(off)
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.context.now = { 1_795_262_400 }
            _ = shell.run(line: "trace wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBS12AAAAAAAAAAAAAAAAAAAA=")
            return output.out
        }
        #expect(out.contains("Meta's webhooks: not searched: log search is not enabled for this project"), "\(out)")
        let verdict = out.split(separator: "\n").first { $0.hasPrefix("verdict:") } ?? ""
        #expect(verdict.hasPrefix("verdict: pending for 2 h 48 min, which is not normal"), "\(out)")
        #expect(verdict.hasSuffix(
            "'logs --endpoint /100200300400501/messages --period 24h' shows the send's API call; Meta's webhooks about it are only "
                + "in log search, which this project cannot use, so Kapso support can look them up by the WAMID"), "\(out)")
        #expect(!out.contains("'logs search"), "\(out)")
    }
}
