import Foundation
import KapsoClient
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester61 AJ11: in a masked transcript, a contact name or a message body of one or two characters (`王伟`, `김민`, `Jo`,
/// `好`, `Li`, `34`) was printed in clear beside its masked number (`contact:      王伟 (1415•••0171)`, `"body": "好"`): the
/// masker learned values from 3 characters on. Each is masked where it stands as its field, in every view, and kops's own
/// short words and numbers stay.
@Suite struct AJ11ShortNamesAndBodiesMaskedTests {
    static let seed = SimulatorSeed.file(TestSeeds.path("aj11-short-values.seed.json"))

    /// The tester's run: every contact named `王伟`, a text `好` and a text `Li`, in lists, detail views, a trace and JSON.
    @Test func aShortNameAndBodyAreMaskedInEveryViewAndTheReplayChecksClean() async throws {
        let h01 = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH01AAAAAAAAAAAAAAAAAAAA="
        let h22 = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH22AAAAAAAAAAAAAAAAAAAA="
        let lines = [
            "use 100200300400501", "messages --limit 20", "conversations", "message \(h01)", "trace \(h22)", "output json",
            "message \(h01)",
        ]
        let (page, restore) = try await recordMasked(lines, seed: Self.seed, width: nil)
        for clear in ["王伟", "好", "  Li  ", "\"Li\""] {
            #expect(!page.contains(clear), "'\(clear)' in \(page)")
        }
        #expect(page.contains("contact:      <contact 1> (1415•••0171)"), "\(page)")
        #expect(page.contains("to <contact 1> (1415•••0171)"), "\(page)")
        #expect(page.contains(#""contact_name": "<contact 1>""#), "\(page)")
        #expect(page.range(of: #"content: +<body [0-9]+>\n"#, options: .regularExpression) != nil, "\(page)")
        #expect(page.range(of: #""body": "<body [0-9]+>""#, options: .regularExpression) != nil, "\(page)")
        let diff = try await withSimulator(seed: Self.seed) { fixture in
            try TranscriptChecker(expected: page, path: "t.md", restore: restore).replay(on: try fixture.shell().shell).diff
        }
        #expect(diff.isEmpty, "\(diff)")
    }

    static func masker() -> PIIMasker {
        let masker = PIIMasker()
        masker.learn(from: [
            "data": [
                ["kapso": ["contact_name": "Jo"], "text": ["body": "34"]], ["kapso": ["contact_name": "김민"], "text": ["body": "in"]],
            ],
        ])
        return masker
    }

    /// A short name where it names the contact: a whole cell or JSON string, before the contact's number, after
    /// `contact`; one of Korean or Chinese letters wherever it stands alone. Not inside other words or kops's text.
    @Test(arguments: [
        ("Jo", "<contact 1>"), ("outbound text to Jo (+14155550171)", "outbound text to <contact 1> (+1 415 ••• 0171)"),
        ("is the contact Jo in 1 conversation", "is the contact <contact 1> in 1 conversation"),
        ("김민", "<contact 2>"), ("김민 wrote last", "<contact 2> wrote last"),
        ("Jo's order; Johnson; JO", "Jo's order; Johnson; JO"),
        ("2026-11-21T10:34:00Z  in   text  34 ms", "2026-11-21T10:34:00Z  in   text  34 ms"),
    ])
    func aShortNameIsMaskedWhereItNamesTheContact(text: String, masked: String) {
        let masker = Self.masker()
        _ = masker.mask("Jo")
        _ = masker.mask("김민")
        #expect(masker.mask(text) == masked)
    }

    /// A short body where kops shows what a message says, as the whole text, a quoted title or a caption; never in
    /// kops's own text, a timestamp or a coordinate.
    @Test func aShortBodyIsMaskedAsContentOnly() {
        let masker = Self.masker()
        #expect(masker.mask("34", content: true) == "<body 1>")
        #expect(masker.mask("image (image/jpeg): 34", content: true) == "image (image/jpeg): <body 1>")
        #expect(masker.mask("chose button \"in\" (id btn_1)", content: true) == "chose button \"<body 2>\" (id btn_1)")
        #expect(masker.mask("location (37.34, -122.34)", content: true) == "location (37.34, -122.34)")
        #expect(masker.mask("34 messages in 24 h", content: false) == "34 messages in 24 h")
        #expect(masker.mask(jsonText: #"{"body": "34", "count": 34, "dir": "in", "text": "in"}"#)
            == #"{"body": "<body 1>", "count": 34, "dir": "in", "text": "<body 2>"}"#)
    }
}
