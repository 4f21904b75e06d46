import KapsoDiagnostics
import Testing

/// tester49 L3: `explain 'Error: Request failed with status code 400'` (axios's line, from the user's own code) was
/// explained as "HTTP 400 from Kapso: the request was refused as written"; the line says neither which API answered
/// nor why. It is read as what it is, with the API only when its URL names one.
@Suite struct ClientErrorLineTests {
    @Test(arguments: [
        ("Error: Request failed with status code 400", 400, "axios or ky", nil),
        ("AxiosError: Request failed with status code 422", 422, "axios or ky", nil),
        ("HTTPError: Request failed with status code 409 Conflict: POST https://api.kapso.ai/meta/whatsapp/v24.0/1/messages",
         409, "axios or ky", "api.kapso.ai"),
        ("HTTPError: Response code 404 (Not Found)", 404, "got", nil),
        ("requests.exceptions.HTTPError: 500 Server Error: Internal Server Error for url: https://graph.facebook.com/v21.0/1/messages",
         500, "Python requests", "graph.facebook.com"),
    ] as [(String, Int, String, String?)])
    func aClientsLineIsReadAsOne(_ text: String, _ status: Int, _ library: String, _ host: String?) throws {
        let line = try #require(ClientErrorLine(text))
        #expect(line.status == status && line.library == library && line.host == host)
        #expect(line.meaning.contains("not the API's answer") && line.meaning.contains("HTTP \(status)"), "\(line.meaning)")
        #expect(line.meaning.contains("from Kapso") == false, "\(line.meaning)")
        if host == nil { #expect(line.meaning.contains("does not say which API answered"), "\(line.meaning)") }
        // tester67 Y6c: "the call went to Meta's Graph API (graph.facebook.com), and not why" was half a sentence.
        #expect(line.meaning.hasSuffix("nor why") || line.meaning.hasSuffix("; the line does not say why"), "\(line.meaning)")
        #expect(!line.meaning.contains(", and not why"), "\(line.meaning)")
    }

    @Test(arguments: ["(#131047) Re-engagement message", "409", "GET /platform/v1/whatsapp/messages 404", "Response code 12", "status code 200"])
    func otherPastesAreNoClientLine(_ text: String) {
        #expect(ClientErrorLine(text) == nil)
    }
}
