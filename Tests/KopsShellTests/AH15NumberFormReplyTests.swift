import KopsTestSupport
import Testing

/// tester60 AH15: João (WhatsApp ID 551187654321), Lupita (5215512345678) and Martín (5491123456789) each wrote an hour
/// ago; `reply --to` their dialled forms found them (and their open window) under the WhatsApp ID, then sent to the
/// dialled form, which Meta answers 131026 for an account whose ID is the other form. `messages --phone-number
/// +525512345678` said the left-out row's number "contains 525512345678", though kops searched 12345678.
@Suite struct AH15NumberFormReplyTests {
    static let seed = TestSeeds.file("tester60-windows-forms.seed.json")

    @Test(arguments: [
        ("+5511987654321", "551187654321", "Brazil's ninth digit"),
        ("+525512345678", "5215512345678", "Mexico's mobile 1"),
        ("+541123456789", "5491123456789", "Argentina's mobile 9"),
    ])
    func aReplyGoesToTheFormTheContactWroteFrom(typed: String, waID: String, form: String) async throws {
        let run = try await runDemo(["reply --to \(typed) --dry-run ola"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains(#""to": "\#(waID)""#), "\(run.out)")
        let said = run.out + run.err
        #expect(said.contains("sending to +\(waID), the WhatsApp ID the contact wrote from at 2026-11-21T11:00:00Z (1 h ago), not to \(typed)"), "\(said)")
        #expect(said.contains(form), "\(said)")
    }

    /// The send itself goes to the WhatsApp ID, so the simulator (which answers 131026 to a number it never saw) takes it.
    @Test func theSendIsTakenWhereTheDialledFormGot131026() async throws {
        let run = try await runDemo(["reply --to +5511987654321 ola"], number: "100200300400501", seed: Self.seed)[0]
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("to João BR (551187654321)"), "\(run.out)")
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
