/// A list item that keeps the object it was decoded from, as parsed and unchanged (`json`): its bytes in a page's
/// `ReceivedItems` are then the text of `json`, and a list printed as JSON may write them instead.
public protocol ListItem: Sendable {
    /// The element of the list's `data` array this item was decoded from; only the keys a page was cut down to
    /// when it was read for printing (`Page.keptKeys`).
    var json: JSONObject { get }
    /// The keys `init(json:)` reads to accept an object: a page read for printing keeps at least these.
    static var checkedKeys: [String] { get }
}

extension APILog: ListItem {
    public static let checkedKeys = ["id"]
}

extension Conversation: ListItem {
    public static let checkedKeys = ["id"]
}

extension Message: ListItem {
    public static let checkedKeys = ["id", "kapso"]
}

extension WebhookDelivery: ListItem {
    public static let checkedKeys = ["id", "status"]
}

extension Webhook: ListItem {
    public static let checkedKeys = ["id", "url"]
}

extension Page where Item: ListItem {
    /// Item `index` (below `items.count`) whole: the item itself, or on a page cut down to some keys (`keptKeys`), made
    /// by `item` from its element's bytes parsed again (`ReceivedItems.value(at:)`), as a page read whole gives it.
    public func whole(at index: Int, item: (JSONObject) throws(KapsoAPIError) -> Item) throws(KapsoAPIError) -> Item {
        guard keptKeys != nil, let received else { return items[index] }
        guard let object = received.value(at: index)?.object else { throw .badShape("list item that is not an object") }
        return try item(object)
    }

    /// The page with only the items `keep` accepts, its JSON document's `data` too (the rest of the document, the
    /// cursor included, as received), for a filter the API matches only in part (kops's `--phone-number` rows).
    public func keeping(_ keep: (Item) -> Bool) -> Page {
        var page = self
        let kept = items.indices.filter { keep(items[$0]) }
        page.items = kept.map { items[$0] }
        if case .object(var document) = json {
            document["data"] = .array(page.items.map { .object($0.json) })
            page.json = .object(document)
        }
        page.received = received?.keeping(kept)
        return page
    }
}
