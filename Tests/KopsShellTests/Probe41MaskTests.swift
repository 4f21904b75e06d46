import Foundation
import KapsoClient
import KapsoSimulator
import KopsShell
import KopsTestSupport
import Testing

/// Personal data in masked transcripts (probe41 P41-1, P41-2; probe42 P42-4, P42-5): short national numbers, two mask
/// forms of one number, a typed WhatsApp username and a one-word name in a headline, a block added by hand, a flow's
/// answers.
@Suite struct Probe41MaskTests {
    static func seed(_ name: String) -> SimulatorSeed { .file(TestSeeds.path("\(name).seed.json")) }

    /// P41-1: every form of one number (`+` with or without groups, bare digits, `00`, spaced) shows the same digits, so
    /// no two lines of a page complement each other, and hides at least 3 of its national digits, at least half of one
    /// shorter than 10 (Iceland's 7, Denmark's, Qatar's, Singapore's, Costa Rica's 8, France's 9).
    @Test(arguments: [
        ("3546111234", "354", 4), ("4520123456", "45", 4), ("97433123456", "974", 4), ("6591234567", "65", 4),
        ("50683123456", "506", 4), ("33612345678", "33", 5), ("14155550142", "1", 3), ("447700900555", "44", 3),
        ("5511987654321", "55", 4),
    ])
    func everyFormOfANumberShowsTheSameFewDigits(number: String, country: String, hidden: Int) throws {
        let masker = PIIMasker()
        masker.learn(from: ["from": .string(number)])
        let national = String(number.dropFirst(country.count))
        let grouped = "\(country) \(national.prefix(3)) \(national.dropFirst(3))"
        let forms = ["+" + number, "+" + grouped, number, "00" + number, grouped, "00 " + grouped, "+\(country)-\(national)"]
        var shown: Set<String> = []
        for form in forms {
            let masked = masker.mask("to \(form) now")
            #expect(masked.contains("•••"), "\(form) → \(masked)")
            var digits = masked.filter { $0.isASCII && $0.isNumber }
            if form.hasPrefix("00") { digits = String(digits.dropFirst(2)) }
            #expect(digits.count == number.count - hidden, "\(form) → \(masked)")
            shown.insert(digits)
        }
        #expect(shown.count == 1, "\(shown)")
    }

    /// P41-1: a `+` number of 7 digits in all, where E.164 has national numbers of 4 (Saint Helena, Niue), is masked.
    @Test func aSevenDigitInternationalNumberIsMasked() {
        #expect(PIIMasker().mask("whois +290 1234 and +6834321") == "whois +290 ••• 4 and +683 ••• 1")
    }

    /// P41-1 end to end: a masked transcript of five contacts (Iceland, Qatar, Singapore, Costa Rica, the US), each in a
    /// table's bare form and a typed `+` form, shows no more of any number than one form does.
    @Test func aMaskedTranscriptShowsNoMoreOfAShortNumberThanOneForm() async throws {
        let lines = [
            "use 100200300400501", "messages", "conversations", "whois +3546111234", "whois +97433123456",
            "whois +6591234567", "reply --to +50683123456 --dry-run hola",
        ]
        let (page, _) = try await recordMasked(lines, seed: Self.seed("probe41-short-numbers"))
        for (country, national, lead, tail) in [
            ("354", "6111234", 0, 3), ("974", "33123456", 0, 4), ("65", "91234567", 0, 4), ("506", "83123456", 0, 4),
        ] {
            let more = String(national.prefix(lead + 1))
            for shown in [country + more, country + " " + more, "+" + country + " " + more] {
                #expect(!page.contains(shown), "\(shown) in \(page)")
            }
            let end = String(national.suffix(tail + 1))
            #expect(!page.contains("•••" + end) && !page.contains("••• " + end), "\(end) in \(page)")
        }
        #expect(page.contains("354•••234") && page.contains("+354 ••• 234"), "\(page)")
    }

    /// P41-2: a typed `@handle` is masked on its command line as the result masks it (one alias in any case, with or
    /// without `@`), and a one-word contact name is masked in `whois`'s headline as in its `contact:` field; the page
    /// replays clean from its restore file.
    @Test func aTypedUsernameAndAOneWordNameAreMaskedInLinesAndHeadlines() async throws {
        let seed = Self.seed("probe41-username")
        let lines = ["use 100200300400501", "whois @maria.g", "reply --to @Maria.G --dry-run hello there", "whois @maria.g"]
        let (page, restore) = try await recordMasked(lines, seed: seed)
        #expect(!page.lowercased().contains("maria"), "\(page)")
        #expect(page.contains("> whois <contact 1>\n<contact 1> is the WhatsApp username of <contact 2>, a contact of Support Line"), "\(page)")
        #expect(page.contains("> reply --to <contact 1> --dry-run <body 1>"), "\(page)")
        #expect(restore.line(for: "whois <contact 1>", occurrence: 0) == "whois @maria.g")
        let diff = try await withSimulator(seed: seed) { fixture in
            try TranscriptChecker(expected: page, path: "t.md", restore: restore).replay(on: try fixture.shell().shell).diff
        }
        #expect(diff.isEmpty, "\(diff)")
    }

    /// P41-2: a one-word name stays where it is part of a longer proper name (the business's `Support Line`, kops's
    /// "Meta Direct Support"), and is masked wherever else kops writes it.
    @Test func aOneWordNameIsMaskedUnlessPartOfALongerName() {
        let masker = PIIMasker()
        masker.learn(from: ["contact_name": "Support"])
        #expect(
            masker.mask("the username of Support, a contact of Support Line; open a Meta Direct Support ticket; Support's")
                == "the username of <contact 1>, a contact of Support Line; open a Meta Direct Support ticket; <contact 1>'s")
    }

    /// P42-4: a block added by hand (`whois +NUMBER` of a contact, and of a number kops never saw) is masked on replay
    /// as `record` masks it, its typed line kept for the restore file; the contact's number is never written in clear
    /// in a later block. A number the recording showed in clear because it is the business's own stays clear.
    @Test func aHandAddedBlockIsMaskedOnReplay() async throws {
        let (recorded, restore) = try await recordMasked(
            ["use 100200300400501", "whois +14155550142", "whois +14155550100"], seed: .demo)
        #expect(recorded.contains("> whois +14155550100\n"), "\(recorded)")
        let prompt = try #require(recorded.split(separator: "\n").first { $0.hasSuffix("> whois +14155550100") }?
            .dropLast("whois +14155550100".count))
        let added = ["whois +14155550157", "messages --phone-number 14155550157 --limit 2", "whois +14155550999"]
            .map { "```kops\n\(prompt)\($0)\n```\n" }.joined(separator: "\n")
        let page = recorded + "\n" + added
        let outcome = try await withSimulator(seed: .demo) { fixture in
            try TranscriptChecker(expected: page, path: "t.md", restore: restore).replay(on: try fixture.shell().shell)
        }
        for clear in ["4155550157", "415-555-0157", "4155550999"] {
            #expect(!outcome.updated.contains(clear), "\(clear) in \(outcome.updated)")
        }
        #expect(outcome.updated.contains("> whois +1 415 ••• 0157\n+1 415 ••• 0157 is the contact <contact "), "\(outcome.updated)")
        #expect(outcome.updated.contains("> whois +14155550100\n"), "\(outcome.updated)")
        #expect(outcome.updatedRestore.line(for: "whois +1 415 ••• 0157", occurrence: 0) == "whois +14155550157")
        #expect(outcome.updatedRestore.line(for: "whois +1 415 ••• 0999", occurrence: 0) == "whois +14155550999")
        // The rewritten page checks clean with its restore lines.
        let again = try await withSimulator(seed: .demo) { fixture in
            try TranscriptChecker(expected: outcome.updated, path: "t.md", restore: outcome.updatedRestore)
                .replay(on: try fixture.shell().shell).diff
        }
        #expect(again.isEmpty, "\(again)")
    }

    /// P42-5: a flow's answers are masked alike in every view: a one-word answer inside `response_json` in the JSON
    /// view as in the row, and a date of birth as a body, not as a phone number that keeps its month and day.
    @Test func aFlowsAnswersAreMaskedAlikeInEveryView() async throws {
        let address = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBRBVjEyQjBDMUQyRTNGNEE1QjZDNwA="
        let flow = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBRBVjA1QjBDMUQyRTNGNEE1QjZDNwA="
        let lines = [
            "use 100200300400501", "messages --limit 20", "message \(address) --output json", "trace \(flow)",
            "message \(flow) --output json",
        ]
        let (page, _) = try await recordMasked(lines, seed: Self.seed("probe42-flow-answers"))
        for clear in ["Springfield", "1984", "0307", "03-07", "Whitfield"] {
            #expect(!page.contains(clear), "\(clear) in \(page)")
        }
        #expect(page.contains("dob=<body "), "\(page)")
        #expect(page.contains(#"\"city\": \"<body "#), "\(page)")
    }

    /// P42-5: JSON already written out (a `--all` stream, a payload shown as data) masks a flow's one-word answer inside
    /// its `response_json` string too; a date is a body.
    @Test func aFlowsOneWordAnswerIsMaskedInJSONText() throws {
        let masker = PIIMasker()
        let json = try JSONValue.parse(Array(#"{"interactive": {"nfm_reply": {"response_json": "{\"city\": \"Springfield\", \"dob\": \"07.03.1984\"}"}}}"#.utf8))
        masker.learn(from: json)
        let data = #"{"response_json": "{\"city\": \"Springfield\", \"dob\": \"07.03.1984\"}", "status": "Springfield"}"#
        let page = Renderer(mode: .table).render(masker.mask(CommandResult(blocks: [.data(data)]))).out.joined()
        #expect(page.contains(#"{"response_json": "{\"city\": \"<body "#), "\(page)")
        #expect(page.contains(#"\"dob\": \"<body "#) && !page.contains("1984"), "\(page)")
        #expect(page.hasSuffix(#""status": "Springfield"}"#), "\(page)")
    }
}
