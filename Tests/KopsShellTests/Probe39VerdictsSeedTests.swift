import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe39 over loopback: verdicts that were missing on real message shapes (session 38).
@Suite struct Probe39VerdictsSeedTests {
    /// P39-4 (`Tests/Seeds/probe39-former-number.seed.json`): the project lists Sales Line 502 and Support Line 501;
    /// contact 14155550801's inbound (11:00) and a failed reply (11:01) sit on 100200300400503.
    static let formerInbound = "wamid.HBgLMTQxNTU1NTA4MDEVAgASGBQ0OTRFMDAwMDAwMDAwMDAwMDAwMAA="
    /// P39-8 (`Tests/Seeds/probe39-disconnected.seed.json`): Support Line's health says DISCONNECTED; a reply at 09:01
    /// has only `sent`.
    static let sentOnDisconnected = "wamid.HBgLMTQxNTU1NTE3MDEVAgASGBQ0RjU1NTQwMDAwMDAwMDAwMDAwMAA="

    /// P39-4: the dry run of a reply to a message on a number the project does not list says the reply can only 404 and
    /// what to do; `whois` gives the reading `errors` gives (messages on it: a number that left the project).
    @Test func aReplyFromANumberThatLeftTheProjectIsSaidAndWhoisAgreesWithErrors() async throws {
        let runs = try await runDemo(
            ["message \(Self.formerInbound)", "reply --dry-run 'Hi there'", "whois 100200300400503", "errors --flat"],
            number: "100200300400501", seed: Probe28RealTests.seed("probe39-former-number"), width: 2_000)
        #expect(runs[1].status == 0, "\(runs[1].err)")
        #expect((runs[1].out + runs[1].err).contains("100200300400503 is not a number of this project now (removed from it since, or deleted or "
            + "disconnected at Meta), so a reply from it fails with 404"), "\(runs[1].out)")
        #expect((runs[1].out + runs[1].err).contains("'reply --to +14155550801'"), "\(runs[1].err)")
        let reading = "100200300400503 is not a number of this project now, but the messages read include 2 messages on it"
        #expect(runs[2].err.contains(reading), "\(runs[2].err)")
        #expect(!runs[2].err.contains("wrong project or key"), "\(runs[2].err)")
        #expect(runs[3].out.contains(reading), "\(runs[3].out)")
    }

    /// P39-8: `trace` of a message at `sent` on a number whose health says DISCONNECTED names the number's state first.
    @Test func traceNamesADisconnectedNumberBeforeTheContactsPhone() async throws {
        let runs = try await runDemo(
            ["trace \(Self.sentOnDisconnected)"], number: "100200300400501", seed: Probe28RealTests.seed("probe39-disconnected"),
            width: 2_000)
        let verdict = try #require(runs[0].out.split(separator: "\n").first { $0.contains("verdict") }, "\(runs[0].out)")
        #expect(verdict.contains("no delivery report yet; first, the sending number is DISCONNECTED now (health: the number is "
            + "disconnected from the WhatsApp Cloud API)"), "\(verdict)")
    }

    /// P39-9: `numbers` on the demo (Sales Line's webhook not verified) sends the reader to `health` for the cause,
    /// never "after the first inbound message" as if none had come.
    @Test func numbersLeavesTheWebhookVerificationCauseToHealth() async throws {
        let runs = try await runDemo(["numbers"], number: nil, width: 2_000)
        let text = runs[0].out + runs[0].err
        #expect(text.contains("webhook not verified by Meta yet: Sales Line (Meta marks it verified with the first inbound "
            + "message; 'health 100200300400502' reads whether inbound has come and what to do)"), "\(text)")
        #expect(!text.contains("Meta verifies it after the first inbound message"))
    }

    /// P39-15 (`Tests/Seeds/probe39-auth-india.seed.json`, template auth_code AUTHENTICATION): the dry run to a +91 number
    /// names the India cause `explain 131026` lists, as dated; it does not refuse the send.
    @Test func anAuthenticationTemplateToIndiaIsNotedInTheDryRun() async throws {
        let runs = try await runDemo(
            ["reply --to +919876543210 --template auth_code --param 123456 --dry-run"], number: "100200300400501",
            seed: Probe28RealTests.seed("probe39-auth-india"), width: 2_000)
        #expect(runs[0].status == 0, "\(runs[0].err)")
        #expect((runs[0].out + runs[0].err).contains("auth_code is an AUTHENTICATION template and +919876543210 is an India (+91) number"),
            "\(runs[0].err)")
    }
}
