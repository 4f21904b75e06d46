import Foundation
import KapsoClient
import KopsShell
import KopsTestSupport
import Testing

/// tester56b AA8 (a regression of Z1's fix) and AA9: a WAMID typed with one '=' more than its base64 needs is none of the
/// contact's messages as typed, and not cut short: the message's id is the shorter one. `trace`, `message` and `whois` say
/// "an '=' was added" with the message it names without it; `errors` names the caller's mistake in a 404 on such an id,
/// not "this project's message id … neither is the mistake … ask Kapso support".
@Suite struct AA8WAMIDExtraPaddingTests {
    /// The demo's inbound message from +14155550142.
    static let message = "wamid.HBgLMTQxNTU1NTAxNDIVAgASGBQzRUIwQTFDMkQzRTRGNTA2MTcyOAA="
    static let typed = message + "="
    static let reading = "it ends with 2 '=' where its base64 needs 1 (an '=' was added): without the extra '=' it is the "
        + "message \(message) with the contact"

    @Test(arguments: ["trace", "message", "whois"])
    func anAddedEqualsIsNamedWithTheMessage(_ command: String) async throws {
        let run = try await runDemo(["\(command) '\(Self.typed)'"], number: "100200300400501")[0]
        let text = run.out + run.err
        #expect(run.status != 0, "\(text)")
        #expect(text.contains(Self.typed) && text.contains("as typed: " + Self.reading), "\(text)")
        #expect(text.contains("'trace \(Self.message)'"), "\(text)")
        #expect(!text.contains("cut short") && !text.contains("starts with it"), "\(text)")
        #expect(!text.contains("is an inbound text message"), "\(text)")
    }

    /// The cut-short reading (Z1) stays for the start of the same id.
    @Test func theStartOfTheIdIsStillCutShort() async throws {
        let start = String(Self.message.prefix(50))
        let run = try await runDemo(["trace '\(start)\u{2026}'"], number: "100200300400501")[0]
        #expect((run.out + run.err).contains("it is cut short: the message \(Self.message) with the contact starts with it"), "\(run.err)")
    }

    @Test func errorsNamesTheCallersMistake() async throws {
        let out = try await withSimulator { fixture in
            let client = try fixture.client()
            _ = client.sendAll([client.platformRequest("/whatsapp/messages/\(Self.typed)")])
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            shell.terminalWidth = { 2000 }
            _ = shell.run(line: "errors --source api --flat --period 24h")
            return output.out
        }
        let row = try #require(out.split(separator: "\n").first { $0.contains("/whatsapp/messages/\(Self.typed)") }, "\(out)")
        #expect(row.contains("no message has the id in the path as written: " + Self.reading), "\(row)")
        #expect(row.contains("the caller added it"), "\(row)")
        #expect(!row.contains("neither is the mistake") && !row.contains("ask Kapso support"), "\(row)")
    }
}
