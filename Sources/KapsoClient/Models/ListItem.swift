/// A list item that keeps the object it was decoded from, as parsed and unchanged (`json`): its bytes in a page's
/// `ReceivedItems` are then the text of `json`, and a list printed as JSON may write them instead.
public protocol ListItem: Sendable {
    /// The element of the list's `data` array this item was decoded from.
    var json: JSONObject { get }
}

extension APILog: ListItem {}
extension Conversation: ListItem {}
extension Message: ListItem {}
extension WebhookDelivery: ListItem {}

extension Page where Item: ListItem {
    /// The page with only the items `keep` accepts, its JSON document's `data` too (the rest of the document, the
    /// cursor included, as received), for a filter the API matches only in part (kops's `--phone-number` rows).
    public func keeping(_ keep: (Item) -> Bool) -> Page {
        var page = self
        page.items = items.filter(keep)
        if case .object(var document) = json {
            document["data"] = .array(page.items.map { .object($0.json) })
            page.json = .object(document)
        }
        // The received bytes are of every item.
        page.received = nil
        return page
    }
}
