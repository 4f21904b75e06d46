import KapsoDiagnostics
import Testing

/// Session 65's fixA note: a send answered HTTP 402 with a Graph code-100 body was read as the code alone: "100 invalid
/// parameter (HTTP 402): the request is malformed …; fix the payload". 402 is Kapso's payment status (its credits cannot
/// cover Meta's fee), Meta answers code 100 with 400: the reading names the status and says the two disagree.
@Suite struct Send402GraphCodeTests {
    static let path = "/meta/whatsapp/v24.0/100200300400501/messages"

    @Test func theCatalogueReadsA402BesideCode100() throws {
        let entry = try #require(ErrorCatalog.entry(for: "100", subcode: nil, status: 402, path: Self.path, message: "(#100) Invalid parameter"))
        #expect(entry.name == "invalid parameter in the body of a payment refusal", "\(entry.name)")
        #expect(entry.meaning.hasPrefix("the status and the body disagree"), "\(entry.meaning)")
        #expect(entry.meaning.contains("kops cannot tell which holds"), "\(entry.meaning)")
        #expect(!entry.meaning.hasPrefix("the request is malformed"), "\(entry.meaning)")
        #expect(entry.fix.hasPrefix("check the project's Kapso credits first"), "\(entry.fix)")
        #expect(!entry.fix.hasPrefix("fix the payload"), "\(entry.fix)")
    }

    @Test func aLoggedOrPastedBodyIsReadTheSameWay() throws {
        let body = #"{"error":{"message":"(#100) Invalid parameter","type":"GraphMethodException","code":100}}"#
        let refusal = try #require(APIRefusal(status: 402, text: body, path: Self.path, method: "POST"))
        let advice = try #require(refusal.advice)
        #expect(advice.hasPrefix("invalid parameter in the body of a payment refusal: "), "\(advice)")
        #expect(advice.contains("check the project's Kapso credits first"), "\(advice)")
        let logged = try #require(APIRefusal(status: 402, text: "(#100) Invalid parameter", path: Self.path, method: "POST"))
        #expect(logged.advice?.contains("check the project's Kapso credits first") == true, "\(logged.advice ?? "")")
    }

    /// Statuses that agree with the code, and Meta's own payment code, keep their readings.
    @Test func agreeingStatusesAreUnchanged() throws {
        let entry400 = try #require(ErrorCatalog.entry(for: "100", subcode: nil, status: 400, path: Self.path, message: nil))
        #expect(entry400.fix.hasPrefix("fix the payload"), "\(entry400.fix)")
        let payment = try #require(ErrorCatalog.entry(for: "131042", subcode: nil, status: 402, path: Self.path, message: nil))
        #expect(payment.name == "payment problem", "\(payment.name)")
        let credits = try #require(APIRefusal(status: 402, text: #"{"error":"x","code":"insufficient_credits"}"#, path: Self.path))
        #expect(credits.code == "insufficient_credits")
    }
}
