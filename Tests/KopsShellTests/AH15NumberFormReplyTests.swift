import KopsTestSupport
import Testing

/// tester60 AH15: João (WhatsApp ID 551187654321), Lupita (5215512345678) and Martín (5491123456789) each wrote an hour
/// ago; `reply --to` their dialled forms found them (and their open window) under the WhatsApp ID, then sent to the
/// dialled form, which Meta answers 131026 for an account whose ID is the other form. `messages --phone-number
/// +525512345678` said the left-out row's number "contains 525512345678", though kops searched 12345678.
@Suite struct AH15NumberFormReplyTests {
    static let seed = TestSeeds.file("tester60-windows-forms.seed.json")

    /// The send goes to the form typed (a test number's allowed list holds the form without Mexico's 1 or Argentina's 9
    /// and refuses the WhatsApp ID's form: probe37 P37-3), and the form the contact wrote from is named beside it.
    @Test(arguments: [
        ("+5511987654321", "551187654321", "Brazil's ninth digit"),
        ("+525512345678", "5215512345678", "Mexico's mobile 1"),
        ("+541123456789", "5491123456789", "Argentina's mobile 9"),
    ])
    func aReplyNamesTheFormTheContactWroteFrom(typed: String, waID: String, form: String) async throws {
        let run = try await runDemo(["reply --to \(typed) --dry-run ola"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains(#""to": "\#(typed.dropFirst())""#), "\(run.out)")
        let said = run.out + run.err
        #expect(said.contains("the contact wrote from +\(waID) at 2026-11-21T11:00:00Z (1 h ago), the same number as \(typed) in another form"), "\(said)")
        #expect(said.contains(form), "\(said)")
        #expect(said.contains("sending to \(typed) as given; if Meta answers 131026, send to +\(waID)"), "\(said)")
    }

    /// The simulator answers 131026 to the dialled form of an account it knows by the other: the refusal names the form the
    /// contact wrote from (bin60 gave only the catalogue's "maybe not on WhatsApp" list).
    @Test func a131026AfterTheDialledFormNamesTheWhatsAppID() async throws {
        let run = try await runDemo(["reply --to +5511987654321 ola"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status != 0, "\(run.out)")
        #expect(run.err.contains("131026"), "\(run.err)")
        #expect(run.err.contains("from +551187654321, another form of +5511987654321"), "\(run.err)")
        #expect(run.err.contains("'reply --to +551187654321 TEXT'"), "\(run.err)")
    }

    /// A 131026 to a number with another form, when kops read no message of the contact's from either: the other form
    /// is named, not only the catalogue's "maybe not on WhatsApp" list.
    @Test func a131026NamesTheOtherFormOfTheNumber() async throws {
        let run = try await runDemo(["reply --to +5511987654399 --force ola"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status != 0)
        #expect(run.err.contains("131026"), "\(run.err)")
        #expect(run.err.contains("+5511987654399 has another form, +551187654399 (Brazil's ninth digit 9 after the area code)"), "\(run.err)")
        #expect(run.err.contains("'reply --to +551187654399 TEXT'"), "\(run.err)")
    }

    @Test func theLeftOutNoteNamesTheDigitsSearched() async throws {
        let run = try await runDemo(["messages --phone-number +525512345678"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        let said = run.out + run.err
        #expect(!said.contains("contains 525512345678"), "\(said)")
        #expect(said.contains("kops asked Kapso's phone_number filter (a partial match) for 12345678, the digits +525512345678 "
            + "shares with its other form, and that contact's number contains 12345678"), "\(said)")
        #expect(said.contains("only +525512345678's (and its other form +5215512345678's) are listed"), "\(said)")
    }
}
