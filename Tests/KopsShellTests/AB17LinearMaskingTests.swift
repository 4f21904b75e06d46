import KapsoClient
@testable import KopsShell
import Testing

/// tester57 AB17: recording a long list took time that grew with rows × learned values: `mask` tried every learned body
/// and name on every cell (600 rows: 18.5 s; three `--all` lists of 2,000 rows: 415 s). It now tries only the values a
/// text may hold (`PIIMasker+Candidates`): the searches for 2N rows are twice those for N, not four times, and the page
/// is the same.
@Suite struct AB17LinearMaskingTests {
    /// A masker that learned `rows` messages (`Message k` from `Contact k`), and the searches masking their rows took.
    private func searches(rows: Int) throws -> (searches: Int, masked: [String]) {
        let masker = PIIMasker()
        // Numbers of one length (1001…), so no row's body starts another's.
        let items = (1...rows).map { "{\"body\": \"Message \(1000 + $0)\", \"contact_name\": \"Contact \(1000 + $0)\", \"type\": \"text\"}" }
        masker.learn(from: try JSONValue.parse(Array(("[" + items.joined(separator: ",") + "]").utf8)))
        let before = masker.searches
        var masked: [String] = []
        for row in 1...rows {
            masked.append(masker.mask("Message \(1000 + row)", content: true))
            masked.append(masker.mask("Contact \(1000 + row)", content: false))
            masked.append(masker.mask("read", content: false))
        }
        return (masker.searches - before, masked)
    }

    @Test func maskingRowsSearchesInProportionToThem() throws {
        let (small, smallPage) = try searches(rows: 100)
        let (large, largePage) = try searches(rows: 200)
        #expect(small > 0)
        #expect(large <= 2 * small, "100 rows: \(small) searches, 200 rows: \(large)")
        // The page is the same: each row's body and name as its alias, in the order they reached it.
        #expect(smallPage[0] == "<body 1>" && smallPage[1] == "<contact 1>", "\(smallPage.prefix(3))")
        #expect(largePage[3 * 199] == "<body 200>" && largePage[3 * 199 + 1] == "<contact 200>")
        #expect(Array(largePage.prefix(smallPage.count)) == smallPage)
    }

    /// A longer value is still tried before a shorter one inside it, and a text with `…` or an escape is tried with every
    /// value, as before.
    @Test func theOrderAndTheCutFormsStay() throws {
        let masker = PIIMasker()
        masker.learn(from: try JSONValue.parse(Array("[{\"body\": \"Lee\"}, {\"contact_name\": \"Lee Park\"}, {\"body\": \"order 4711 shipped today\"}]".utf8)))
        #expect(masker.mask("Lee Park wrote", content: false) == "<contact 1> wrote")
        #expect(masker.mask("order 4711 shi…", content: true) == "<body 1>…")
        #expect(masker.mask("order\\n4711 shipped today", content: true) == "<body 1>")
    }
}
