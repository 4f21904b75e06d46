import KapsoDiagnostics
import KopsShell
import Testing

/// tester59b AG7: a count beside a catalogue code (`2 errors: 131047`, `131047 x 10 messages failed`) was refused as "no
/// Meta or Kapso error code" while naming the code in its own refusal, and a singular or `N of M` count was read as the
/// code (`1 error: 131047` → "code 1: API unknown", `failed 2 of 3: 131047` → "code 2: API service").
@Suite struct AG7ExplainCountBesideCodeTests {
    @Test(arguments: [
        ("2 errors: 131047", "131047"), ("131047 x 10 messages failed", "131047"), ("1 error: 131047", "131047"),
        ("failed 2 of 3: 131047", "131047"), ("5 failed (131026)", "131026"), ("3 x 131047", "131047"),
        ("1 message failed with 131026", "131026"),
    ])
    func theCatalogueCodeIsReadNotTheCount(_ text: String, code: String) {
        #expect(PastedError(text)?.code == code, "\(String(describing: PastedError(text)))")
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .ok, "\(ran.out)\(ran.err)")
        #expect(ran.out.contains("code:") && ran.out.contains(code), "\(ran.out)")
        #expect(!ran.err.contains("no Meta or Kapso error code"), "\(ran.err)")
    }

    /// A count alone is still no code, said with a hedge in case the number is the code itself.
    @Test(arguments: ["1 error", "5 failed", "3 messages failed"])
    func aCountAloneIsRefusedWithAHedge(_ text: String) {
        let ran = OfflineShell.run("explain", text)
        #expect(ran.status == .usage, "\(ran.out)\(ran.err)")
        #expect(ran.err.contains("reads as a count") && ran.err.contains("alone reads it"), "\(ran.err)")
        #expect(!ran.out.contains("name:"), "\(ran.out)")
    }
}
