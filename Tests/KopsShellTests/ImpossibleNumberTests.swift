import Foundation
import KapsoSimulator
import KopsShell
import Testing

/// `reply --to` and `whois` with a `+` number no country uses: a NANP area code or exchange starting with 0 or 1, or a
/// length its country does not use (whois took those as numbers it could not find). Each says which part is wrong on one
/// line and exits 64; a '+' before one of the project's ids is still read as that id.
@Suite struct ImpossibleNumberTests {
    @Test(arguments: [
        ("+1 123 555 0100", "expected an area code starting with 2-9 after +1 (a NANP number is NXX-NXX-XXXX), not 123"),
        ("+1 415 055 0100", "expected an exchange (the 3 digits after the area code) starting with 2-9 after +1 (a NANP number is "
            + "NXX-NXX-XXXX), not 055"),
    ])
    func replyNamesTheWrongPart(typed: String, says: String) async throws {
        for force in ["", " --force"] {
            let ran = try await runDemo(["reply --to '\(typed)' --dry-run\(force) hi"], number: "100200300400501", seed: .demo)[0]
            #expect(ran.status == 64, "\(ran.out)\(ran.err)")
            #expect(ran.err.contains(says), "\(ran.err)")
            #expect(!ran.out.contains("\"to\"") && ran.err.split(separator: "\n").count == 1, "\(ran.out)\(ran.err)")
        }
    }

    @Test(arguments: [
        ("+1 123 555 0100", "no phone number has that shape: expected an area code starting with 2-9 after +1"),
        ("+1 415 155 0100", "no phone number has that shape: expected an exchange (the 3 digits after the area code) starting with 2-9"),
        ("+1 415 555 01901", "no phone number has that shape: expected 10 digits after +1 (a NANP number), not 11: check the number"),
        ("+7 912 345 678", "no phone number has that shape: expected 10 digits after +7 (a Russian or Kazakh number), not 9: check the number"),
    ])
    func whoisNamesTheWrongPart(typed: String, says: String) async throws {
        let ran = try await runDemo(["whois \(typed)"], number: nil, seed: .demo)[0]
        #expect(ran.status == 64, "\(ran.out)\(ran.err)")
        #expect(ran.err.contains("whois: cannot read '\(typed)' as an id: \(says)"), "\(ran.err)")
        #expect(ran.err.split(separator: "\n").count == 1, "\(ran.err)")
    }

    /// A possible number the project does not know is still looked up and answered as before.
    @Test func aPossibleUnknownNumberIsStillLookedUp() async throws {
        let ran = try await runDemo(["whois +1 415 555 0199"], number: nil, seed: .demo)[0]
        #expect(!ran.err.contains("no phone number has that shape"), "\(ran.err)")
    }
}
