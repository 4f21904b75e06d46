import KapsoSimulator
import KopsTestSupport
import Testing

/// tester49 F1, over loopback (`Seeds/tester49-category.seed.json`, the WABA's templates: order_update UTILITY,
/// login_code AUTHENTICATION, spring_promo MARKETING): sends failed 131049 to +1 415 555 0177 with no category on Kapso's
/// record; `trace`, `errors` and `reply` told the user of a utility template "Meta does not deliver marketing templates to
/// US numbers … send a utility or authentication template", called order_update a "marketing template" and let the same
/// template go again without a word.
@Suite struct TemplateCategoryVerdictTests {
    static let seed = TestSeeds.path("tester49-category.seed.json")
    static let utility = "wamid.HBgLMTQxNTU1NTAxNzcVAgASGBQ5NUNENUM4RjQ2QUIxMDc0QjMwQwA="
    static let marketing = "wamid.HBgLMTQxNTU1NTAxNzcVAgASGBQxMjE3N0MxQzkxMkIyNTc1RDQyNAA="

    @Test func traceAndErrorsReadTheTemplatesCategoryFromTheWABAsList() async throws {
        let runs = try await runDemo(
            ["trace \(Self.utility)", "trace \(Self.marketing)", "errors --flat"], number: "100200300400501", seed: .file(Self.seed), width: 400)
        #expect(runs.map(\.status) == [0, 0, 0], "\(runs.map(\.err))")
        let verdict = try #require(runs[0].out.split(separator: "\n").first { $0.hasPrefix("verdict:") })
        #expect(verdict.contains("order_update is utility in the WABA's template list now"), "\(verdict)")
        #expect(!verdict.contains("send a utility or authentication template") && !verdict.contains("US number"), "\(verdict)")
        #expect(runs[1].out.contains("verdict: failed: 131049 (ecosystem limit); +1 415 is a US number"), "\(runs[1].out)")
        // Both order_update rows (to +1 415 and to +44) read the list; the marketing rows keep the US pause.
        let out = runs[2].out
        #expect(out.ranges(of: "order_update is utility in the WABA's template list now").count == 2, "\(out)")
        #expect(out.contains("+1 415 is a US number: Meta does not deliver marketing templates"), "\(out)")
    }

    @Test func replyOfTheSameUtilityTemplateSaysMetaRefusedIt() async throws {
        let ran = try await runDemo(
            ["reply --dry-run --to 14155550177 --template order_update --param a --param b --param c --param d"],
            number: "100200300400501", seed: .file(Self.seed), width: 400)[0]
        #expect(ran.status == 0, "\(ran.err)")
        #expect((ran.out + ran.err).contains("Meta refused order_update (UTILITY in the WABA's list) to this contact with 131049"), "\(ran.out)\(ran.err)")
    }
}
