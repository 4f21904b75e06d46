import Foundation
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester58 AD6.5: a flow answer `"password": "hunter2!"` was recorded `password=<body 16> 14>`: the page was masked
/// (`<redacted>!` learned as a body became `<body 14>`), the redactor's second pass read `password=<body` as the secret's
/// value, and the masker's next pass masked its `<redacted>`: a mask inside a mask. Each mask now leaves the other's
/// alone (`PIIMasker.outsideMasks`, `redactedMask`).
@Suite struct AD6MaskInMaskTests {
    static let flow = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBRBVjA1QjBDMUQyRTNGF2AAAAAAAAA="

    @Test func aFlowAnswersSecretIsOneMaskInTheTranscript() async throws {
        let seed = SimulatorSeed.file(TestSeeds.path("ad6-flow-answers.seed.json"))
        let (page, _) = try await recordMasked(["use 100200300400501", "message \(Self.flow)", "trace \(Self.flow)"], seed: seed)
        #expect(!page.contains("hunter2"), "\(page)")
        #expect(page.firstMatch(of: try Regex(#"password=<(body \d+|redacted)>(,|\n)"#)) != nil, "\(page)")
        let nested = try Regex(#"<(body|contact|redacted)[^<>\n]*> \d+>"#)
        #expect(page.firstMatch(of: nested) == nil, "\(page)")
    }

    /// The redactor's pass over a masked page reads only what lies between the masks.
    @Test func theRedactorSkipsWhatTheMaskerWrote() {
        let redactAll = { (text: String) in text.replacingOccurrences(of: #"password=\S+"#, with: "password=<redacted>", options: .regularExpression) }
        #expect(PIIMasker.outsideMasks("password=<body 14>, otp=<body 3>", redactAll) == "password=<body 14>, otp=<body 3>")
        #expect(PIIMasker.outsideMasks("password=hunter2 and <contact 1>", redactAll) == "password=<redacted> and <contact 1>")
        #expect(PIIMasker.outsideMasks("<redacted>!", { $0.uppercased() }) == "<redacted>!")
    }

    /// The masker learns no value that is only the redactor's mask, so it never masks it again.
    @Test func theMaskerLearnsNoRedactorMask() {
        let masker = PIIMasker()
        masker.add("<redacted>!", as: .body)
        masker.add("<redacted>", as: .body)
        #expect(masker.mask("password=<redacted>!", content: true) == "password=<redacted>!")
    }
}
