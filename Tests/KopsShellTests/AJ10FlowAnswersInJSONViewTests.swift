import Foundation
import KapsoClient
import KapsoSimulator
@testable import KopsShell
import KopsTestSupport
import Testing

/// tester61 AJ10: a flow's short answers (`"age":"34"`, `"consent":"no"`) and its JSON `true` and numbers were masked in
/// the text view (`age=<body 2>`) and printed in clear in the JSON view of the same message (`response_json`), so the page
/// mapped each placeholder to its value. Every view masks each answer alike, with one placeholder.
@Suite struct AJ10FlowAnswersInJSONViewTests {
    static let seed = SimulatorSeed.file(TestSeeds.path("aj10-flow-short-answers.seed.json"))
    static let flow = "wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBH06AAAAAAAAAAAAAAAAAAAA="
    static let answers = ["consent", "age", "weight_kg", "children", "zip", "birth_year", "income", "ok", "n"]

    /// The alias each answer has in `text`'s summary (`age=<body 2>`).
    static func aliases(in page: String) throws -> [String: String] {
        var found: [String: String] = [:]
        for key in answers {
            let range = try #require(page.range(of: "(?<![A-Za-z_])\(key)=<body [0-9]+>", options: .regularExpression), "\(key) in \(page)")
            found[key] = String(page[range].dropFirst(key.count + 1))
        }
        return found
    }

    @Test(arguments: [false, true]) func theJSONViewMasksEachAnswerAsTheSummaryDoes(jsonFirst: Bool) async throws {
        let views = ["message \(Self.flow)", "message \(Self.flow) --output json"]
        let (page, restore) = try await recordMasked(
            ["use 100200300400501"] + (jsonFirst ? views.reversed() : views), seed: Self.seed, width: nil)
        for clear in [#"\"34\""#, #"\"no\""#, #"\"81\""#, #"\"ok\":true"#, #"\"n\":7"#, #"\"3\""#] {
            #expect(!page.contains(clear), "\(clear) in \(page)")
        }
        for (key, alias) in try Self.aliases(in: page) {
            #expect(page.contains(#"\"\#(key)\":\"\#(alias)\""#), "\(key) not \(alias) in \(page)")
        }
        #expect(page.contains(#"\"flow_token\":\"tok\""#), "\(page)")
        let diff = try await withSimulator(seed: Self.seed) { fixture in
            try TranscriptChecker(expected: page, path: "t.md", restore: restore).replay(on: try fixture.shell().shell).diff
        }
        #expect(diff.isEmpty, "\(diff)")
    }

    /// JSON already written out (a `--all` stream) and an object `response_json` (as some tools send it): the same.
    @Test func jsonWrittenOutAndAnObjectResponseAreMaskedAlike() {
        let masker = PIIMasker()
        let response = #"{"flow_token": "t1", "age": "34", "ok": true, "n": 7, "city": "Madrid"}"#
        let written = JSONValue.object(["response_json": .string(response)]).serialized()
        #expect(masker.mask(jsonText: written)
            == #"{"response_json":"{\"flow_token\": \"t1\", \"age\": \"<body 1>\", \"ok\": \"<body 2>\", \"n\": \"<body 3>\", \"city\": \"<body 4>\"}"}"#)
        let object = masker.mask(json: ["response_json": ["age": "34", "ok": true]], key: nil, byField: false)
        #expect(object == ["response_json": ["age": "<body 1>", "ok": "<body 2>"]])
    }
}
