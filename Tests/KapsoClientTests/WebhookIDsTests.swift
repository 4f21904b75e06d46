import KapsoClient
import KopsHTTP
import KopsTestSupport
import Testing

/// `webhookIDs` (the project's webhooks read to find one by id, items cut down to their ids) answers what `webhooks`
/// answers: the same request, the same webhooks once each is taken whole (`Page.whole(at:item:)`), the same pages, the
/// same errors.
@Suite struct WebhookIDsTests {
    private static func client(_ body: [UInt8], status: Int = 200) -> (KapsoClient, StubTransport) {
        let transport = StubTransport([.success(HTTPResponse(status: status, headers: [], body: body))])
        return (KapsoClient(baseURL: "https://api.kapso.ai", apiKey: Secret("sk_test_abcdef"), transport: transport), transport)
    }

    private static let ids = [
        "3d4e5f6a-7b8c-4d9e-8f0a-2b3c4d5e6f70", "0A1B2C3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D", "caf\u{E9}-1", "a\"b\\c", "",
    ]
    private static let urls = ["https://crm.acme-demo.test/kapso/events", "https://h\u{E9}.test/x?token=abc", "http://127.0.0.1:3000/"]

    /// A webhook as the API sends it, now and then without its url, with an id or url of another type, or not an object.
    private static func webhook(_ generator: inout SplitMix) -> JSONValue {
        if generator.next() % 16 == 0 { return ReceivedItemsTests.value(&generator, depth: 1) }
        var object = JSONObject()
        let id: JSONValue = generator.next() % 12 == 0 ? .number("7") : .string(ids[Int(generator.next() % UInt64(ids.count))])
        object["id"] = id
        if generator.next() % 12 != 0 { object["url"] = .string(urls[Int(generator.next() % UInt64(urls.count))]) }
        object["events"] = ["whatsapp.message.received", "whatsapp.message.sent"]
        object["phone_number_id"] = generator.next() % 2 == 0 ? .null : "100200300400502"
        object["secret_key"] = "whsec_sales_654"
        object["headers"] = generator.next() % 2 == 0 ? [:] : ["Authorization": "Bearer x"]
        object["active"] = .bool(generator.next() % 2 == 0)
        for _ in 0..<(generator.next() % 3) {
            object["extra\(generator.next() % 4)"] = ReceivedItemsTests.value(&generator, depth: 1)
        }
        return .object(object)
    }

    /// What a call gave, to compare: each webhook's whole object and the page's position, or the error's line.
    private static func outcome(_ read: () throws(KapsoAPIError) -> Page<Webhook>) -> String {
        do {
            let page = try read()
            var wholes: [JSONObject] = []
            for index in page.items.indices { wholes.append(try page.whole(at: index, item: Webhook.init(json:)).json) }
            return "\(wholes) \(page.position) \(page.hasMore)"
        } catch {
            return "error: " + error.message
        }
    }

    @Test func aPageReadForIDsGivesTheWebhooksTheWholeReadGives() {
        var generator = SplitMix(seed: 36)
        var writer = ServerJSONText(generator: SplitMix(seed: 63))
        var cutDown = 0
        var errors = 0
        for round in 0..<2_000 {
            let data = (0..<(generator.next() % 5)).map { _ in Self.webhook(&generator) }
            var body: JSONObject = ["data": .array(data)]
            if generator.next() % 10 != 0 {
                body["meta"] = ["page": 1, "per_page": 100, "total_pages": .number(String(1 + generator.next() % 2)), "total_count": 3]
            }
            let text = Array((round % 2 == 0 ? JSONValue.object(body).serialized() : writer.text(.object(body))).utf8)
            let (whole, wholeTransport) = Self.client(text)
            let (ids, idsTransport) = Self.client(text)
            let expected = Self.outcome { () throws(KapsoAPIError) in try whole.webhooks(.project, page: 1, perPage: 100) }
            let got = Self.outcome { () throws(KapsoAPIError) in try ids.webhookIDs(page: 1, perPage: 100) }
            #expect(got == expected, "\(String(decoding: text, as: UTF8.self))")
            #expect(idsTransport.requests.map(\.url) == wholeTransport.requests.map(\.url))
            if expected.hasPrefix("error: ") { errors += 1 }
            if let page = try? ids.webhookIDs(page: 1, perPage: 100), page.keptKeys != nil, !page.items.isEmpty { cutDown += 1 }
        }
        // Both kinds of answer are common, and most pages were read cut down (not left to the parser).
        #expect(errors > 100 && errors < 1_500)
        #expect(cutDown > 300)
    }

    /// Answers that are not a list: the same error whichever way the list is read.
    @Test(arguments: [
        (404, #"{"error":"Not found"}"#), (500, #"{"error":"boom"}"#), (200, "not json"), (200, #"{"data":{}}"#),
        (200, #"{"data":[{"id":"1","url":"u"}]}"#), (401, "Unauthorized"),
    ])
    func answersThatAreNoListFailAlike(status: Int, body: String) {
        let (whole, _) = Self.client(Array(body.utf8), status: status)
        let (ids, _) = Self.client(Array(body.utf8), status: status)
        let expected = Self.outcome { () throws(KapsoAPIError) in try whole.webhooks(.project, page: 1, perPage: 100) }
        #expect(expected.hasPrefix("error: "))
        #expect(Self.outcome { () throws(KapsoAPIError) in try ids.webhookIDs(page: 1, perPage: 100) } == expected)
    }
}
