// libFuzzer target: kops's readers of API pages. Property: any bytes as a response body give a value or a thrown
// error from every reader kops uses on a list or a document (no trap, no overflow), and the computed fields a command
// shows are read without trapping.
import KapsoClient

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPages(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = JSONValue.scanList(bytes, keeping: ["id", "timestamp", "status"], locating: ["id"])
    _ = try? JSONValue.parseList(bytes)
    guard let json = try? JSONValue.parse(bytes) else { return 0 }
    if let page = try? Page.decode(json, item: Message.init(json:)) {
        _ = (page.hasMore, page.totalCount, page.nextPageQuery)
        for message in page.items {
            _ = (message.time, message.id, message.status, message.usernameHandle)
            for status in message.statuses { _ = (status.time, status.errors) }
        }
    }
    _ = (try? Page.decode(json, item: Conversation.init(json:)))?.nextPageQuery
    _ = (try? Page.decode(json, item: Webhook.init(json:)))?.nextPageQuery
    _ = (try? Page.decode(json, item: WebhookDelivery.init(json:)))?.nextPageQuery
    _ = (try? Page.decode(json, item: APILog.init(json:)))?.nextPageQuery
    _ = (try? Page.decode(json, item: PhoneNumber.init(json:)))?.nextPageQuery
    _ = try? LogSearchResult(json: json)
    _ = try? LogSearchCatalog(json: json)
    if let object = json["data"]?.object ?? json.object { _ = try? PhoneNumberHealth(json: object) }
    return 0
}
