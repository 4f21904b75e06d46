import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

/// tester58 AD6.3: a list whose `id` is a JSON number (`{"id": 100200300400501, …}`, a foreign or odd host) was reported
/// "phone number without an 'id'": it has one, of the wrong type. Every decoder's required fields are checked by one rule
/// (`RequiredField`) that says which field is missing, or what kind of value it holds instead. fix58B's leftover: a single
/// message answered `{"data":{"id":"x"}}` said "message without 'id' or 'kapso'", naming neither.
@Suite struct AD6WrongTypeFieldTests {
    private func client(_ body: String) -> KapsoClient {
        KapsoClient(baseURL: "https://api.kapso.ai/", apiKey: Secret("sk_test_abcdef"), transport: StubTransport(status: 200, body: body))
    }

    @Test(arguments: [
        (#"{"data":[{"id":100200300400501,"name":"Support Line"}],"meta":{}}"#,
         "unexpected response (HTTP 200): phone number whose 'id' is a number, not a string"),
        (#"{"data":[{"id":null,"name":"Support Line"}],"meta":{}}"#, "unexpected response (HTTP 200): phone number without an 'id'"),
        (#"{"data":[{"id":["100200300400501"]}],"meta":{}}"#, "unexpected response (HTTP 200): phone number whose 'id' is an array, not a string"),
    ])
    func aPhoneNumberIDOfTheWrongKindIsNamed(body: String, message: String) {
        do {
            _ = try client(body).phoneNumbers()
            Issue.record("no error for \(body)")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test(arguments: [
        (#"{"data":{"id":"x"}}"#, "unexpected response (HTTP 200): message without a 'kapso' object"),
        (#"{"data":{"id":"x","kapso":"outbound"}}"#, "unexpected response (HTTP 200): message whose 'kapso' is a string, not an object"),
        (#"{"data":{"id":7,"kapso":{}}}"#, "unexpected response (HTTP 200): message whose 'id' is a number, not a string"),
    ])
    func aMessageNamesTheFieldItLacks(body: String, message: String) {
        do {
            _ = try client(body).message("wamid.HBgLMTQxNTU1NTAxNzEVAgASGBQBV2AAAAAAAAAAAAAAAAAAAA=")
            Issue.record("no error for \(body)")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
        }
    }
}
