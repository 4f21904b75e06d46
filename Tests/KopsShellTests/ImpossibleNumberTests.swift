import Foundation
import KapsoSimulator
import KopsShell
import Testing

/// `reply --to` with a +1 number whose NANP area code or exchange starts with 0 or 1: refused on one line naming the part
/// that is wrong (exit 64), as a length its country does not use is.
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
}
