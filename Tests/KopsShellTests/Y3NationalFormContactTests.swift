import KapsoSimulator
import KopsTestSupport
import Testing

/// A send whose `to` has no `+`: Meta prepends the sending number's calling code (send-messages guide, "WhatsApp user
/// phone number formats"). Its statuses are the contact's only when the number so made is the contact's own, known from
/// the conversation's phone number or a message they wrote. Seed `y3-national-to`: Support Line (+1 415-555-0100),
/// London Line (+44 20 7946 0100), and a number the project does not have (100200300400509).
enum NationalTo {
    static let seed = TestSeeds.file("y3-national-to.seed.json")
    static func wamid(_ tag: String) -> String { "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQB\(tag)AAAAAAAAAAAAAAAAAAAA=" }
    /// From Support Line to `4155550402`, read by 14155550402: the conversation's phone number and the contact's message.
    static let contacts = wamid("D202")
    /// From Support Line to `14155550402`, read by 14155550499: another number altogether.
    static let unrelated = wamid("D203")
    /// From London Line to `4155550402`, read by 444155550402; the contact is +14155550402 (tester67b Z0).
    static let fromLondon = wamid("Z002")
    /// From Support Line to a UK contact (+447700900123) written `7700900123`, read by 17700900123.
    static let mirror = wamid("Z102")
    /// From Support Line to `4155550777`, read by 14155550777; the conversation names `4155550777`, no message of theirs.
    static let unknownContact = wamid("Z202")
    /// From London Line to `4155550555`, read by 444155550555; the conversation the send opened names 444155550555 and
    /// holds no message of the contact's.
    static let sendOpened = wamid("Z402")
    /// From London Line to `4155550666`, read by 444155550666, who wrote "who is this?" only after it (tester68b B3).
    static let strangerReplied = wamid("Z502")
    /// From Support Line to `4155550404`, read by 14155550404, the number the contact wrote from before a notice that they
    /// moved to 14155550405 (tester68b B1).
    static let oldNumber = wamid("Z603")
    /// From a number the project does not have to `4155550888`, read by 14155550888.
    static let unknownSender = wamid("Z302")
}

/// tester67 Y3: the +1 case is the contact's read (main: "read (other recipient)", "may be another recipient's").
@Suite struct Y3NationalFormContactTests: PrintedLines {
    @Test func y3TraceReadsTheContactsOwnNumberAsTheirs() async throws {
        let runs = try await runDemo(["trace \(NationalTo.contacts)", "trace \(NationalTo.unrelated)"], number: nil, seed: NationalTo.seed)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(verdict.contains("read by the contact"), "\(runs[0].out)")
        #expect(verdict.contains("Meta prepends the sending number's calling code (+1), which made +14155550402, the contact's own number"), "\(verdict)")
        #expect(!runs[0].out.contains("another recipient"), "\(runs[0].out)")
        // Numbers that really differ keep the doubt.
        #expect(Self.line("verdict:", in: runs[1].out).contains("the statuses may be another recipient's"), "\(runs[1].out)")
    }

    @Test func y3MessagesAndMessageListItRead() async throws {
        for lines in [["messages"], ["use 100200300400501", "messages"]] {
            let runs = try await runDemo(lines, number: "100200300400501", seed: NationalTo.seed)
            let rows = runs.last?.out.split(separator: "\n") ?? []
            let national = rows.first { $0.contains("D202") }.map(String.init) ?? ""
            let other = rows.first { $0.contains("D203") }.map(String.init) ?? ""
            #expect(national.contains("read") && !national.contains("other recipient"), "\(lines): \(national)")
            #expect(other.contains("read (other recipient)"), "\(lines): \(other)")
        }
        let runs = try await runDemo(["message \(NationalTo.contacts)"], number: nil, seed: NationalTo.seed)
        #expect(Self.line("status recipient:", in: runs[0].out).contains("the contact's own number (the conversation's phone number)"), "\(runs[0].out)")
        #expect(!runs[0].out.contains("other recipient"), "\(runs[0].out)")
    }

    /// The contact's own number unknown (the conversation names the national form, no message of theirs): where it went,
    /// never "read by the contact".
    @Test func y3UnknownContactSaysWhereItWentWithoutReadingItAsTheirs() async throws {
        let runs = try await runDemo(["trace \(NationalTo.unknownContact)"], number: nil, seed: NationalTo.seed)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(!verdict.contains("read by the contact"), "\(verdict)")
        #expect(verdict.contains("+14155550777 is what Meta made of 4155550777 from a +1 number"), "\(verdict)")
        #expect(verdict.contains("possible misdelivery; send E.164 with + and the country code"), "\(verdict)")
    }

    /// The sending number cannot be read: main's hedge stands (passes on main too: a guard).
    @Test func y3UnknownSenderKeepsTheHedge() async throws {
        let runs = try await runDemo(["trace \(NationalTo.unknownSender)"], number: nil, seed: NationalTo.seed)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(!verdict.contains("read by the contact"), "\(verdict)")
        #expect(verdict.contains("the statuses may be another recipient's"), "\(verdict)")
    }
}

/// tester67b Z0: from a +44 number, `to: 4155550402` went to +444155550402, not the contact +14155550402; the reverted Y3
/// read it as "read by the contact". Its mirror: from a +1 number, a UK contact written nationally.
@Suite struct Z0NationalFormMisdeliveryTests: PrintedLines {
    @Test func z0TraceNamesTheMisdeliveryNotTheContactsRead() async throws {
        let runs = try await runDemo(["trace \(NationalTo.fromLondon)", "message \(NationalTo.fromLondon)"], number: nil, seed: NationalTo.seed)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(!verdict.contains("read by the contact"), "\(verdict)")
        #expect(verdict.contains("+444155550402 is what Meta made of 4155550402 from a +44 number"), "\(verdict)")
        #expect(verdict.contains("not the contact's own number +14155550402"), "\(verdict)")
        #expect(verdict.contains("possible misdelivery"), "\(verdict)")
        #expect(runs[0].out.contains("the statuses are about 444155550402, not the message's recipient 4155550402: +444155550402 is what Meta made"), "\(runs[0].out)")
        #expect(Self.line("status:", in: runs[1].out).contains("read (other recipient)"), "\(runs[1].out)")
        #expect(Self.line("status recipient:", in: runs[1].out).contains("possible misdelivery"), "\(runs[1].out)")
    }

    /// A conversation the send itself opened (its phone number the number Meta made, nothing written by the contact) is
    /// no evidence of whom the business meant: not "read by the contact" (the Z0 trap read off the conversation).
    @Test func z0ConversationTheSendOpenedIsNoEvidenceOfTheContact() async throws {
        let runs = try await runDemo(["trace \(NationalTo.sendOpened)", "message \(NationalTo.sendOpened)"], number: nil, seed: NationalTo.seed)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(!verdict.contains("read by the contact"), "\(verdict)")
        #expect(verdict.contains("+444155550555 is what Meta made of 4155550555 from a +44 number"), "\(verdict)")
        #expect(verdict.contains("kops read no number the contact wrote from in this conversation before this send"), "\(verdict)")
        #expect(Self.line("status:", in: runs[1].out).contains("read (other recipient)"), "\(runs[1].out)")
    }

    /// tester68b B3 and B1: a reply after the send (the stranger it reached) and a number the contact left before it are
    /// no evidence of the contact's own number: never "read by the contact".
    @Test func b3B1ALaterReplyOrALeftNumberIsNoEvidence() async throws {
        for id in [NationalTo.strangerReplied, NationalTo.oldNumber] {
            let runs = try await runDemo(["trace \(id)", "message \(id)"], number: nil, seed: NationalTo.seed)
            let verdict = Self.line("verdict:", in: runs[0].out)
            #expect(!verdict.contains("read by the contact"), "\(verdict)")
            #expect(verdict.contains("possible misdelivery"), "\(verdict)")
            #expect(Self.line("status:", in: runs[1].out).contains("(other recipient)"), "\(runs[1].out)")
        }
    }

    @Test func z0MirrorUKContactWrittenNationallyFromAPlusOneNumber() async throws {
        let runs = try await runDemo(["trace \(NationalTo.mirror)", "messages"], number: "100200300400501", seed: NationalTo.seed)
        let verdict = Self.line("verdict:", in: runs[0].out)
        #expect(!verdict.contains("read by the contact"), "\(verdict)")
        #expect(verdict.contains("+17700900123 is what Meta made of 7700900123 from a +1 number"), "\(verdict)")
        #expect(verdict.contains("not the contact's own number +447700900123"), "\(verdict)")
        let row = runs[1].out.split(separator: "\n").first { $0.contains("Z102") }.map(String.init) ?? ""
        #expect(row.contains("read (other recipient)"), "\(row)")
    }
}

/// tester67b Z7: `reply --to 4155550402` named "this project's country code"; Meta prepends the sending number's.
@Suite struct Z7SendingCallingCodeTests {
    @Test func z7ReplyNamesTheSendingNumbersCallingCodeAndWhereItWouldGo() async throws {
        let runs = try await runDemo(["reply --dry-run --to 4155550999 hello"], number: "100200300400501", seed: NationalTo.seed)
        #expect(runs[0].err.contains(
            "4155550999 has no '+' or '00' and does not start with the sending number's calling code (+1, Support Line's "
                + "+1 415-555-0100): sent so, Meta prepends that code to it and it goes to +14155550999"), "\(runs[0].err)")
        #expect(!runs[0].err.contains("project's"), "\(runs[0].err)")
        let london = try await runDemo(["reply --dry-run --to 4155550999 hello"], number: "100200300400503", seed: NationalTo.seed)
        #expect(london[0].err.contains("calling code (+44, London Line's +44 20 7946 0100): sent so, Meta prepends that code to it "
            + "and it goes to +444155550999"), "\(london[0].err)")
    }
}
