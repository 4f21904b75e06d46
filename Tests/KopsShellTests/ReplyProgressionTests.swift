import Foundation
import KapsoClient
import KopsHTTP
import KopsShell
import KopsTestSupport
import Testing

/// A reply sent from kops, followed by `trace` after the simulator delivered it and the contact read it.
@Suite struct ReplyProgressionTests {
    @Test func traceFollowsTheReplyThroughDeliveredAndRead() async throws {
        let out = try await withSimulator { fixture -> String in
            let (shell, output) = try fixture.shell(phoneNumberID: Demo.support)
            shell.context.now = { Demo.now }
            shell.run(line: "message \(Demo.danaInbound); reply On its way")
            // The deterministic clock moves only when told: 10 s covers delivered (+2 s) and read (+5 s).
            let client = try fixture.client()
            var advance = client.platformRequest("/", method: "POST", body: ["seconds": 10])
            advance.url = fixture.baseURL + "/__sim/clock/advance"
            _ = try client.perform(advance)
            shell.run(line: "trace")
            return output.out
        }
        let trace = String(out[try #require(out.range(of: "\nmessage:")).lowerBound...])
        #expect(trace.contains("""
            TIME                  STATUS     AFTER  DETAIL
            2026-11-21T12:00:00Z  sent       +0 s
            2026-11-21T12:00:02Z  delivered  +2 s
            2026-11-21T12:00:05Z  read       +5 s

            """))
        #expect(trace.contains("whatsapp.message.read"))
        #expect(trace.hasSuffix("verdict: read by the contact 5 s after sending\n"))
    }
}
