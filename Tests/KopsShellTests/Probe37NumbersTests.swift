import Foundation
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// probe37 P37-3 and P37-10 over loopback (`Tests/Seeds/probe37-numbers.seed.json`): Support Line sends as a public test
/// number whose allowed list holds +54 11 2345-6789 and +44 7700 900123 (the simulator's `allowed_recipients`); Lucia
/// writes from her WhatsApp ID 5491123456789 (Argentina's mobile 9), Mateo from 5215512345678 (Mexico's older 1), Nora
/// from 447700900123. Failed sends: to Lucia's wa_id form and to Mateo's listed form, each with Graph error 131030.
@Suite struct Probe37NumbersTests {
    static let seed = Probe28RealTests.seed("probe37-numbers")
    static let line = "100200300400501"
    /// The seed's WAMIDs: `HBg` + the number + `37A0n`.
    static let luciaRefused = "wamid.HBgNNTQ5MTEyMzQ1Njc4ORUCABIYFDM3QTA0QUFBQUFBQUFBQUFBQUFBAA=="
    static let mateoRefused = "wamid.HBgMNTI1NTEyMzQ1Njc4FQIAEhgUMzdBMDVBQUFBQUFBQUFBQUFBQUEA"
    static let luciaInbound = "wamid.HBgNNTQ5MTEyMzQ1Njc4ORUCABIYFDM3QTAxQUFBQUFBQUFBQUFBQUFBAA=="

    /// P37-3: `errors` and `trace` say which form each refused send used and which the allowed list holds.
    @Test func errorsAndTraceNameTheFormTheAllowedListHolds() async throws {
        let runs = try await runDemo(
            ["errors --flat --period 24h", "trace \(Self.luciaRefused)", "trace \(Self.mateoRefused)"],
            number: Self.line, seed: Self.seed, width: 2_000)
        let flat = runs[0].out
        let lucia = try #require(flat.split(separator: "\n").first { $0.contains("5491123456789") && $0.contains("131030") }, "\(flat)")
        #expect(lucia.contains("the form WhatsApp IDs (wa_id) give this Argentine mobile (9 after +54)"), "\(lucia)")
        #expect(lucia.contains("send to +541123456789"), "\(lucia)")
        let mateo = try #require(flat.split(separator: "\n").first { $0.contains("525512345678") && $0.contains("131030") }, "\(flat)")
        #expect(mateo.contains("so the number is not on the list: add +525512345678"), "\(mateo)")
        #expect(mateo.contains("+5215512345678"), "\(mateo)")
        // The API log row has no number: the catalogue's fix names both countries' forms.
        let api = try #require(flat.split(separator: "\n").first { $0.contains("POST /meta/whatsapp") && $0.contains("131030") }, "\(flat)")
        #expect(api.contains("+54 11 …, not +54 9 11 …"), "\(api)")
        #expect(runs[1].out.contains("send to +541123456789"), "\(runs[1].out)")
        #expect(runs[2].out.contains("add +525512345678"), "\(runs[2].out)")
    }

    /// P37-3: `reply` to the contact's WhatsApp ID (the form the webhook gives) from a test number is refused with
    /// 131030, and the line names the form to send to; a send to the listed form of an unlisted number says to add it.
    @Test func replySaysWhichFormToSendTo() async throws {
        let runs = try await runDemo(
            ["reply --to +5491123456789 hola", "reply --to +5215512345678 hola", "reply --to +525512345678 hola",
             "reply --message \(Self.luciaInbound) hola"],
            number: Self.line, seed: Self.seed)
        for ran in runs { #expect(ran.status == 1, "\(ran.out)\(ran.err)") }
        #expect(runs[0].err.contains("131030") && runs[0].err.contains("send to +541123456789"), "\(runs[0].err)")
        #expect(runs[1].err.contains("send to +525512345678"), "\(runs[1].err)")
        #expect(runs[2].err.contains("so the number is not on the list: add +525512345678"), "\(runs[2].err)")
        // Replying to her message goes to her wa_id, as the webhook gave it: the same reading.
        #expect(runs[3].err.contains("the send went to +5491123456789") && runs[3].err.contains("send to +541123456789"), "\(runs[3].err)")
    }

    /// P37-3: `explain` names the forms for the code alone, and the one form when the pasted text carries the number.
    @Test func explainNamesTheForms() async throws {
        let runs = try await runDemo(
            ["explain 131030", #"explain '{"error":{"message":"(#131030) Recipient phone number not in allowed list","code":131030},"to":"5215512345678"}'"#],
            number: nil, seed: .demo, width: 2_000)
        #expect(runs[0].out.contains("+52 55 …, not +52 1 55 …"), "\(runs[0].out)")
        #expect(runs[1].out.contains("send to +525512345678"), "\(runs[1].out)")
    }

    /// P37-10: a trunk 0 after +44 is said in one line by `whois`, `messages`, `conversations` and `reply --to`, with
    /// the number without it, never as another contact or a wrong length.
    @Test(arguments: [
        ("whois '+44 07700 900123'", "whois: '+44 07700 900123': ", "+44 7700 900123", 64),
        ("whois 4407700900123", "whois: '4407700900123': ", "+44 7700900123", 64),
        ("messages --phone-number '+44 07700 900123'", "messages --phone-number: '+44 07700 900123': ", "+44 7700 900123", 64),
        ("conversations --phone-number 004407700900123", "conversations --phone-number: '004407700900123': ", "+44 7700900123", 64),
        ("reply --to '+44 07700 900123' hi", "reply --to: '+44 07700 900123': ", "+44 7700 900123", 64),
        ("reply --to 4407700900123 hi", "reply: not sent: 4407700900123: ", "+44 7700900123", 1),
    ])
    func aTrunkZeroAfterTheCountryCodeIsSaidInOneLine(line: String, starts: String, written: String, status: Int32) async throws {
        let ran = try await runDemo([line], number: Self.line, seed: Self.seed)[0]
        #expect(ran.status == status, "\(ran.out)\(ran.err)")
        #expect(ran.err.hasPrefix("error: " + starts), "\(ran.err)")
        #expect(ran.err.hasSuffix("drop the 0 after +44: \(written)\n"), "\(ran.err)")
        #expect(ran.err.split(separator: "\n").count == 1, "\(ran.err)")
        #expect(ran.out.isEmpty, "\(ran.out)")
    }

    /// The number without the 0 is the contact; Italy's 0 after +39 is the number's own.
    @Test func theNumberWithoutTheZeroIsTheContactAndItalyKeepsItsZero() async throws {
        let runs = try await runDemo(["whois +447700900123", "whois '+39 06 6988 1234'"], number: Self.line, seed: Self.seed)
        #expect(runs[0].status == 0 && runs[0].out.contains("Nora Quinn"), "\(runs[0].out)\(runs[0].err)")
        #expect(!runs[1].err.contains("drop the 0") && !runs[1].out.contains("drop the 0"), "\(runs[1].err)")
    }
}
