import KapsoSimulator
import KopsTestSupport
import Testing

/// tester67 Y3: a send from Support Line (+1 415-555-0100) whose `to` is the national form `4155550402` (or Meta's own
/// example format `(415) 555-0402`), with sent/delivered/read statuses naming `14155550402`, was listed `read (other
/// recipient)`, and `trace` said "whether 4155550402 got it is unknown (the statuses may be another recipient's)". Meta
/// prepends the sending number's calling code to a number sent without `+` (send-messages guide, "WhatsApp user phone
/// number formats"), so `14155550402` is the contact: read by them, with a note. D203, sent to `14155550402` and read by
/// `14155550499`, stays "other recipient".
@Suite struct Y3NationalFormRecipientTests: PrintedLines {
    static let seed = TestSeeds.file("y3-national-to.seed.json")
    static let forms = TestSeeds.file("y3-national-to-forms.seed.json")
    static let national = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBD202AAAAAAAAAAAAAAAAAAAA="
    static let other = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBD203AAAAAAAAAAAAAAAAAAAA="
    static let parens = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBF303AAAAAAAAAAAAAAAAAAAA="

    @Test func traceReadsTheNationalFormAsTheContact() async throws {
        let runs = try await runDemo(["trace \(Self.national)", "trace \(Self.other)"], number: "100200300400501", seed: Self.seed)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(verdict.contains("read by the contact"), "\(runs[0].out)")
        #expect(verdict.contains("Meta prepends the sending number's calling code (+1), so it went to +14155550402"), "\(verdict)")
        #expect(!runs[0].out.contains("another recipient"), "\(runs[0].out)")
        // Numbers that really differ keep the doubt.
        #expect(Self.line("verdict:", in: runs[1].out).contains("the statuses may be another recipient's"), "\(runs[1].out)")
    }

    @Test func messagesListsItReadWithoutOtherRecipient() async throws {
        for lines in [["messages"], ["use 100200300400501", "messages"]] {
            let runs = try await runDemo(lines, number: "100200300400501", seed: Self.seed)
            let rows = runs.last?.out.split(separator: "\n") ?? []
            let national = rows.first { $0.contains("D202") }.map(String.init) ?? ""
            let other = rows.first { $0.contains("D203") }.map(String.init) ?? ""
            #expect(national.contains("read") && !national.contains("other recipient"), "\(lines): \(national)")
            #expect(other.contains("read (other recipient)"), "\(lines): \(other)")
        }
    }

    @Test func messageSaysWhereItWentInsteadOfAnotherRecipient() async throws {
        let runs = try await runDemo(["message \(Self.national)", "message \(Self.national) --output json"], number: "100200300400501", seed: Self.seed)
        let recipient = Self.line("status recipient:", in: runs[0].out)
        #expect(recipient.contains("sent to 4155550402, without + and country code"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("may be another recipient's"), "\(runs[0].out)")
        #expect(runs[1].out.contains(#""status_shown" : "read""#) || runs[1].out.contains(#""status_shown": "read""#), "\(runs[1].out)")
    }

    @Test func metasOwnExampleFormatIsTheContactToo() async throws {
        let runs = try await runDemo(["trace \(Self.parens)"], number: "100200300400501", seed: Self.forms)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(verdict.contains("read by the contact"), "\(runs[0].out)")
        #expect(verdict.contains("sent to (415) 555-0402, without + and country code"), "\(verdict)")
    }
}
