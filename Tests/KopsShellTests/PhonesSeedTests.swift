import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// The outside tester's phones seed (probe5, `gen_phones.py`): on Support Line, João (Brazil) wrote at 10:00 from his
/// WhatsApp ID `551187654321` (no 9th digit) in the conversation of `5511987654321`, which was answered at 10:01;
/// María (Mexico) wrote at 10:05 from `5215512345678` and was answered at 10:06 to `525512345678`; Ana shares only a
/// username (`ana.shop`, BSUID `BR.81726354091827364512`); an Argentine `549…` contact. The clock is 12:00.
@Suite struct PhonesSeedTests {
    static let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Seeds/phones.seed.json").path

    private func run(_ lines: [String]) async throws -> (out: String, err: String, statuses: [KopsShell.ExitStatus]) {
        try await offPool {
            let fixture = try SimulatorFixture(seed: .file(Self.seed))
            let (shell, output) = try fixture.shell(phoneNumberID: "100200300400501")
            let statuses = lines.map { shell.run(line: $0) }
            return (output.out, output.err, statuses)
        }
    }

    /// P5-2: the contact's number as Meta, Kapso and kops's CONTACT column write it (no `+`) is sent as it is.
    @Test(arguments: ["5511987654321", "551187654321", "5215512345678", "5491123456789"])
    func replyToAContactsBareNumberIsSentAsItIs(number: String) async throws {
        let ran = try await run(["reply --dry-run --to \(number) hi"])
        #expect(ran.statuses == [.ok], "\(ran.err)")
        #expect(ran.out.contains("\"to\": \"\(number)\""), "\(ran.out)")
        #expect(!ran.err.contains("+1\(number)") && !ran.out.contains("+1\(number)"))
    }

    @Test func whoisOfABareBrazilianNumberDoesNotSuggestThePlusOne() async throws {
        let ran = try await run(["whois 551187654321"])
        #expect(!ran.err.contains("add the country code"), "\(ran.err)")
        #expect(!ran.err.contains("+1"), "\(ran.err)")
    }
}
